from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    mall_exit_notice_days = fields.Integer(
        string="Exit Notice (days)",
        default=3,
        help="The floor files an exit notice at least this many days before the "
        "counter is cleared.",
    )
    mall_fixture_fee = fields.Monetary(
        string="Fixture Storage Fee per Piece per Day",
        currency_field="currency_id",
        default=10.0,
        help="From the second day of storage; day 1 is free.",
    )
    mall_fixture_days = fields.Integer(
        string="Fixture Storage Days",
        default=10,
        help="Fixtures still stored after this day are scrapped and accrue nothing more.",
    )
