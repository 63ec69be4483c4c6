from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    mall_board_rule = fields.Selection(
        [
            ("unanimous", "Every Member Approves"),
            ("majority", "Majority, a General Manager Rejection Is a Veto"),
        ],
        string="Brand Board Rule",
        default="unanimous",
        required=True,
        help="How the brand-entry review board decides.",
    )
