from odoo import fields, models


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    mall_counter_id = fields.Many2one(
        "mall.counter",
        string="Counter",
        check_company=True,
        help="The counter whose sales ledger this line feeds when the order is confirmed.",
    )
