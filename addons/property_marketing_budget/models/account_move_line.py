from odoo import fields, models


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    marketing_budget_line_id = fields.Many2one(
        "property.marketing.budget.line",
        string="Marketing Budget Line",
        index="btree_not_null",
        domain="[('budget_id.state', 'in', ('approved', 'filed')), "
        "('budget_id.plan_type', '=', 'annual'), ('company_id', '=', company_id)]",
        help="The marketing budget line this expense is spent from.",
    )
