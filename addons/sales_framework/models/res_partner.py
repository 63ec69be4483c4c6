from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    account_class = fields.Selection(
        [("key", "Key Account"), ("general", "General Account")],
        string="Account Class",
        default="general",
        tracking=True,
    )
