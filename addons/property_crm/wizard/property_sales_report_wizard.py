from odoo import api, fields, models

from ..models.property_sales_analysis import REPORT_KIND


class PropertySalesReportWizard(models.TransientModel):
    """R1: print a sales report (XLSX) or open its dashboard for projects and a day."""

    _name = "property.sales.report.wizard"
    _description = "Sales Office Reports"

    project_ids = fields.Many2many(
        "property.project",
        string="Projects",
        required=True,
        default=lambda self: self.env["property.project"].search([]),
    )
    kind = fields.Selection(REPORT_KIND, string="Report", required=True, default="daily")
    date = fields.Date(string="Reference Day", required=True, default=fields.Date.context_today)
    date_from = fields.Date(compute="_compute_period")
    date_to = fields.Date(compute="_compute_period")

    @api.depends("kind", "date")
    def _compute_period(self):
        Analysis = self.env["property.sales.analysis"]
        for wizard in self:
            wizard.date_from, wizard.date_to = (
                Analysis._report_period(wizard.kind, wizard.date)
                if wizard.kind and wizard.date
                else (False, False)
            )

    def action_print(self):
        self.ensure_one()
        return self.env.ref("property_crm.property_sales_report_xlsx").report_action(
            self.project_ids, data={"kind": self.kind, "date": fields.Date.to_string(self.date)}
        )

    def action_dashboard(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_crm.property_sales_analysis_action"
        )
        action["domain"] = [
            ("project_id", "in", self.project_ids.ids),
            ("date", ">=", self.date_from),
            ("date", "<=", self.date_to),
        ]
        return action
