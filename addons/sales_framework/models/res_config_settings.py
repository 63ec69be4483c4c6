from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    sales_review_amount = fields.Monetary(related="company_id.sales_review_amount", readonly=False)
    sales_feedback_frequency = fields.Selection(
        related="company_id.sales_feedback_frequency", readonly=False
    )
