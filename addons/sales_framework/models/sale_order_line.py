from odoo import api, models


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    @api.depends("order_id.framework_agreement_id")
    def _compute_price_unit(self):
        return super()._compute_price_unit()

    def _agreement_line(self):
        self.ensure_one()
        return self.order_id.framework_agreement_id.line_ids.filtered(
            lambda line: line.product_id == self.product_id
        )[:1]

    def _get_display_price(self):
        agreement_line = self.order_id.framework_agreement_id and self._agreement_line()
        if agreement_line:
            return agreement_line.price_unit
        return super()._get_display_price()
