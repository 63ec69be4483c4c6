from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    mall_expiry_alert_days = fields.Integer(
        string="Contract Expiry Alert (days)",
        default=60,
        help="Days before a mall contract's end date when its responsible gets an expiry "
        "alert activity.",
    )
    mall_quality_report_months = fields.Integer(
        string="Quality Report Validity (months)",
        default=12,
        help="A quality inspection report counts as recent when issued within this many " "months.",
    )
