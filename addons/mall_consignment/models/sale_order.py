from odoo import fields, models
from odoo.exceptions import ValidationError

from .mall_sale_line import LedgerRow


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def action_confirm(self):
        result = super().action_confirm()
        self._mall_feed_ledger()
        return result

    def _mall_feed_ledger(self):
        """Lines with a counter go into the sales ledger, checked like till rows: one
        batch for the orders confirmed together."""
        rows = [
            LedgerRow(
                f"{line.order_id.name} / {line.product_id.display_name}",
                date=fields.Date.context_today(line, line.order_id.date_order),
                counter_id=line.mall_counter_id.id,
                product_id=line.product_id.id,
                quantity=line.product_uom_qty,
                amount=line.price_total,
                discount=line.currency_id.round(
                    line.price_unit * line.product_uom_qty * line.discount / 100
                ),
                sale_line_id=line.id,
            )
            for line in self.order_line.filtered("mall_counter_id")
        ]
        if not rows:
            return
        name = ", ".join(self.filtered(lambda o: o.order_line.mall_counter_id).mapped("name"))
        _batch, errors = self.env["mall.sale.line"].sudo()._ledger_load(rows, "sale", name)
        if errors:
            raise ValidationError("\n".join(message for _l, _c, message in errors))
