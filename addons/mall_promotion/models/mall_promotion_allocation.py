from odoo import fields, models


class MallPromotionAllocation(models.Model):
    """One participant's part of p × E (M5) and the supplier charge it became."""

    _name = "mall.promotion.allocation"
    _description = "Promotion Cost Allocation"
    _order = "promotion_id, contract_id"
    _check_company_auto = True

    promotion_id = fields.Many2one(
        "mall.promotion", required=True, ondelete="cascade", index=True, readonly=True
    )
    company_id = fields.Many2one(related="promotion_id.company_id", store=True)
    currency_id = fields.Many2one(related="promotion_id.currency_id")
    contract_id = fields.Many2one("mall.contract", required=True, readonly=True, index=True)
    partner_id = fields.Many2one("res.partner", string="Supplier", required=True, readonly=True)
    brand_id = fields.Many2one(related="contract_id.brand_id", string="Brand")
    basis = fields.Float(
        digits=(16, 2),
        readonly=True,
        help="Net sales in the promotion, 1 (equal) or the fixed amount, by the method.",
    )
    amount = fields.Monetary(readonly=True)
    charge_id = fields.Many2one(
        "mall.supplier.charge", string="Supplier Charge", readonly=True, ondelete="set null"
    )
    statement_id = fields.Many2one(related="charge_id.statement_id", string="Statement")
    date_end = fields.Date(related="promotion_id.date_end", string="Charge Date")
