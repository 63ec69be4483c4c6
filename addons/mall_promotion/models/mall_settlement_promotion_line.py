from odoo import fields, models


class MallSettlementPromotionLine(models.Model):
    """The part of a statement's sales made inside one promotion (T3, T6): its net
    sales and discounts, and the rate and ratio they were settled at."""

    _name = "mall.settlement.promotion.line"
    _description = "Settlement Statement: Sales in a Promotion"
    _order = "statement_id, date_start, promotion_id"

    statement_id = fields.Many2one(
        "mall.settlement.statement", required=True, ondelete="cascade", index=True
    )
    # Stored and given at creation: the lines of a period are created in one batch
    # without reading each statement for the currency of its amounts.
    currency_id = fields.Many2one("res.currency", readonly=True)
    promotion_id = fields.Many2one("mall.promotion", required=True, ondelete="restrict")
    promotion_name = fields.Char(string="Promotion Name")
    date_start = fields.Date(string="From")
    date_end = fields.Date(string="To")
    net_sales = fields.Monetary(string="Net Sales in the Promotion")
    discount_total = fields.Monetary(string="Till Discounts in the Promotion")
    has_commission_rate = fields.Boolean(string="At the Promotion Rate")
    commission_rate = fields.Float(string="Promotion Commission Rate (%)", digits=(5, 2))
    commission = fields.Monetary(help="Net sales × the promotion's rate (when it sets one).")
    has_discount_share = fields.Boolean(string="At the Promotion Ratio")
    discount_share_ratio = fields.Float(string="Discount Borne by Supplier (%)", digits=(5, 2))
    mall_discount_share = fields.Monetary(
        help="(1 - the promotion's ratio) × the discounts (when it sets one)."
    )
