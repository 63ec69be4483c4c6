from odoo import fields, models


class UtmSource(models.Model):
    _inherit = "utm.source"

    sales_office_channel = fields.Boolean(
        help="Offered as a source on the sales office's visitor register "
        "(signboard, newspaper, online, referral, passing by, ...).",
    )
