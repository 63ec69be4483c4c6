from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)


class SalesComplaint(models.Model):
    """A customer complaint (投诉处理) on an order or a customer: a responsible person, a
    deadline, the resolution and the after-sales cost (counted on the scorecard)."""

    _name = "sales.complaint"
    _inherit = ["mail.thread", "mail.activity.mixin", "marketing.workflow.mixin"]
    _description = "Customer Complaint"
    _order = "date desc, id desc"
    _workflow_fields = {
        "state": _lt("the Resolve and Cancel buttons"),
        "date_resolved": _lt("the Resolve button"),
    }

    name = fields.Char(string="Number", required=True, copy=False, readonly=True, default="/")
    partner_id = fields.Many2one("res.partner", string="Customer", required=True, index=True)
    order_id = fields.Many2one("sale.order", string="Sale Order", index="btree_not_null")
    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        compute="_compute_user_id",
        store=True,
        readonly=False,
        index=True,
    )
    responsible_id = fields.Many2one("res.users", string="Responsible", required=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    date = fields.Date(required=True, default=fields.Date.context_today)
    date_deadline = fields.Date(string="Deadline", required=True)
    description = fields.Text(required=True)
    resolution = fields.Text()
    after_sales_cost = fields.Monetary(string="After-Sales Cost")
    date_resolved = fields.Date(readonly=True)
    state = fields.Selection(
        [("open", "Open"), ("resolved", "Resolved"), ("cancel", "Cancelled")],
        default="open",
        required=True,
        tracking=True,
    )

    _sql_constraints = [
        ("cost_positive", "CHECK(after_sales_cost >= 0)", "The cost cannot be negative."),
        (
            "deadline_check",
            "CHECK(date_deadline >= date)",
            "The deadline cannot be before the complaint.",
        ),
    ]

    @api.depends("order_id", "partner_id")
    def _compute_user_id(self):
        for complaint in self:
            complaint.user_id = (
                complaint.order_id.user_id or complaint.partner_id.commercial_partner_id.user_id
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("sales.complaint")
        complaints = super().create(vals_list)
        for complaint in complaints:
            complaint.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=complaint.date_deadline,
                user_id=complaint.responsible_id.id,
                summary=self.env._("Resolve complaint %(name)s", name=complaint.name),
            )
        return complaints

    def action_resolve(self):
        for complaint in self:
            if complaint.state != "open":
                raise UserError(self.env._("Complaint %(name)s is not open.", name=complaint.name))
            if not (complaint.resolution or "").strip():
                raise UserError(
                    self.env._(
                        "Write the resolution of complaint %(name)s before resolving it.",
                        name=complaint.name,
                    )
                )
        self._workflow_write(
            {"state": "resolved", "date_resolved": fields.Date.context_today(self)}
        )
        self.activity_ids.action_feedback(feedback=self.env._("Resolved"))
        return True

    def action_cancel(self):
        self._check_role("sales_team.group_sale_manager")
        self._workflow_write({"state": "cancel"})
        self.activity_ids.unlink()
        return True
