from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    sales_review_amount = fields.Monetary(
        string="Order Review Amount",
        currency_field="currency_id",
        default=100000.0,
        help="Orders of reviewing teams from this total (tax included) are reviewed.",
    )
    sales_feedback_frequency = fields.Selection(
        [("weekly", "Weekly"), ("monthly", "Monthly")],
        string="Market Feedback Frequency",
        default="monthly",
        required=True,
    )
