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
        """Lines with a counter go into the sales ledger, checked like till rows."""
        ledger = self.env["mall.sale.line"].sudo()
        for order in self:
            lines = order.order_line.filtered("mall_counter_id")
            if not lines:
                continue
            day = fields.Date.context_today(order, order.date_order)
            rows = [
                LedgerRow(
                    f"{order.name} / {line.product_id.display_name}",
                    date=day,
                    counter_id=line.mall_counter_id.id,
                    product_id=line.product_id.id,
                    quantity=line.product_uom_qty,
                    amount=line.price_total,
                    discount=order.currency_id.round(
                        line.price_unit * line.product_uom_qty * line.discount / 100
                    ),
                    sale_line_id=line.id,
                )
                for line in lines
            ]
            _batch, errors = ledger._ledger_load(rows, "sale", order.name)
            if errors:
                raise ValidationError("\n".join(message for _l, _c, message in errors))
