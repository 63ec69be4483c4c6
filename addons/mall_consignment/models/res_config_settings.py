from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    mall_expiry_alert_days = fields.Integer(
        related="company_id.mall_expiry_alert_days", readonly=False
    )
    mall_quality_report_months = fields.Integer(
        related="company_id.mall_quality_report_months", readonly=False
    )
