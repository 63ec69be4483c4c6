from odoo import api, fields, models
from odoo.exceptions import ValidationError

QUANTITY_LIMIT = 1_000_000.0


class MallReplenishmentLine(models.Model):
    _name = "mall.replenishment.line"
    _description = "Replenishment Notice Line"
    _check_company_auto = True

    replenishment_id = fields.Many2one(
        "mall.replenishment", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="replenishment_id.company_id", store=True)
    product_id = fields.Many2one("product.product", required=True, check_company=True)
    quantity = fields.Float(digits="Product Unit of Measure", required=True, default=1.0)

    _sql_constraints = [
        ("quantity_positive", "CHECK(quantity > 0)", "A replenishment quantity must be positive."),
    ]

    @api.constrains("quantity")
    def _check_quantity(self):
        for line in self:
            if line.quantity > QUANTITY_LIMIT:
                raise ValidationError(
                    self.env._(
                        "%(field)s of %(product)s must be at most %(limit)s.",
                        field=line._fields["quantity"].get_description(self.env)["string"],
                        product=line.product_id.display_name,
                        limit=f"{QUANTITY_LIMIT:,.0f}",
                    )
                )
