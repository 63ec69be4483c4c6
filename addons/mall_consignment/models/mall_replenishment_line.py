from odoo import fields, models


class MallReplenishmentLine(models.Model):
    _name = "mall.replenishment.line"
    _description = "Replenishment Notice Line"

    replenishment_id = fields.Many2one(
        "mall.replenishment", required=True, ondelete="cascade", index=True
    )
    product_id = fields.Many2one("product.product", required=True)
    quantity = fields.Float(digits="Product Unit of Measure", required=True, default=1.0)

    _sql_constraints = [
        ("quantity_positive", "CHECK(quantity > 0)", "A replenishment quantity must be positive."),
    ]
