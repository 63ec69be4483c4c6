from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    marketing_budget_ratio = fields.Float(
        related="company_id.marketing_budget_ratio", readonly=False
    )
    module_mall_consignment = fields.Boolean(string="Mall Consignment Counters")
    module_mall_settlement = fields.Boolean(string="Monthly Supplier Settlement")
    module_property_sales = fields.Boolean(string="Property Sales Office")

    def action_marketing_approval_chains(self):
        """The approval chains (tier definitions) of the suite's documents."""
        return self.env["marketing.approval.mixin"]._approval_chains_action()
