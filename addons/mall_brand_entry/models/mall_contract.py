from odoo import fields, models


class MallContract(models.Model):
    _inherit = "mall.contract"

    application_id = fields.Many2one(
        "mall.brand.application",
        string="Brand Application",
        readonly=True,
        copy=False,
        index=True,
    )

    def action_sign(self):
        result = super().action_sign()
        self.application_id.sudo()._on_contract_signed()
        return result
