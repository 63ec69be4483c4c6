from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    mall_board_rule = fields.Selection(related="company_id.mall_board_rule", readonly=False)
