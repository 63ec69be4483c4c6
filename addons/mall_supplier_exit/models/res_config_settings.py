from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    mall_exit_notice_days = fields.Integer(
        related="company_id.mall_exit_notice_days", readonly=False
    )
    mall_fixture_fee = fields.Monetary(related="company_id.mall_fixture_fee", readonly=False)
    mall_fixture_days = fields.Integer(related="company_id.mall_fixture_days", readonly=False)
