from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    marketing_budget_ratio = fields.Float(
        string="Marketing Budget Ceiling (%)",
        default=3.0,
        help="X1: the marketing expense budget may be at most this percentage of "
        "the project's sales, subscriptions included.",
    )

    @api.constrains("marketing_budget_ratio")
    def _check_marketing_budget_ratio(self):
        """X1: the ceiling is a percentage."""
        for company in self:
            if not 0 <= company.marketing_budget_ratio <= 100:
                raise ValidationError(
                    self.env._(
                        "Company %(company)s: the marketing budget ceiling must be "
                        "between 0 and 100 percent, not %(value)s.",
                        company=company.display_name,
                        value=company.marketing_budget_ratio,
                    )
                )
