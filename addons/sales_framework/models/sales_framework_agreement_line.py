from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare

from odoo.addons.marketing_base.models.common import format_money


class SalesFrameworkAgreementLine(models.Model):
    _name = "sales.framework.agreement.line"
    _description = "Framework Agreement Product"
    _order = "agreement_id, sequence, id"

    agreement_id = fields.Many2one(
        "sales.framework.agreement", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    currency_id = fields.Many2one(related="agreement_id.currency_id")
    product_id = fields.Many2one("product.product", required=True, domain=[("sale_ok", "=", True)])
    product_uom_id = fields.Many2one(related="product_id.uom_id", string="Unit")
    price_unit = fields.Monetary(string="Agreed Price", required=True)
    quantity = fields.Float(string="Agreed Quantity", required=True, digits="Product Unit")
    qty_called = fields.Float(
        string="Called Off", compute="_compute_qty_called", digits="Product Unit"
    )
    qty_remaining = fields.Float(
        string="Remaining", compute="_compute_qty_called", digits="Product Unit"
    )

    _sql_constraints = [
        (
            "product_uniq",
            "unique(agreement_id, product_id)",
            "A product appears once in an agreement.",
        ),
        ("quantity_positive", "CHECK(quantity > 0)", "The agreed quantity must be positive."),
        ("price_positive", "CHECK(price_unit >= 0)", "The agreed price cannot be negative."),
    ]

    @api.depends("agreement_id.order_ids.state", "agreement_id.order_ids.order_line")
    def _compute_qty_called(self):
        groups = self.env["sale.order.line"]._read_group(
            [
                ("order_id.framework_agreement_id", "in", self.agreement_id.ids),
                ("state", "=", "sale"),
                ("display_type", "=", False),
            ],
            ["order_id", "product_id"],
            ["product_uom_qty:sum"],
        )
        called = {}
        for order, product, qty in groups:
            key = (order.framework_agreement_id.id, product.id)
            called[key] = called.get(key, 0.0) + qty
        for line in self:
            line.qty_called = called.get((line.agreement_id.id, line.product_id.id), 0.0)
            line.qty_remaining = line.quantity - line.qty_called

    def _check_call_off_lines(self, order_lines):
        """The order lines of one product called off against this agreement line."""
        self.ensure_one()
        order = order_lines.order_id
        for order_line in order_lines:
            if float_compare(
                order_line.price_unit, self.price_unit, precision_digits=2
            ) or float_compare(order_line.discount, 0.0, precision_digits=2):
                raise ValidationError(
                    self.env._(
                        "%(product)s is agreed at %(price)s in %(agreement)s; order "
                        "%(order)s has %(actual)s.",
                        product=self.product_id.display_name,
                        price=format_money(self.env, self.price_unit, self.currency_id),
                        agreement=self.agreement_id.name,
                        order=order.name,
                        actual=format_money(self.env, order_line.price_unit, self.currency_id),
                    )
                )
        qty = sum(order_lines.mapped("product_uom_qty"))
        if float_compare(qty, self.qty_remaining, precision_digits=3) > 0:
            raise ValidationError(
                self.env._(
                    "Order %(order)s calls off %(qty)s of %(product)s but only %(remaining)s "
                    "remain in agreement %(agreement)s.",
                    order=order.name,
                    qty=qty,
                    product=self.product_id.display_name,
                    remaining=self.qty_remaining,
                    agreement=self.agreement_id.name,
                )
            )
