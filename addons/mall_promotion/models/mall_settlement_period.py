from odoo import models


class MallSettlementPeriod(models.Model):
    _inherit = "mall.settlement.period"

    def _prepare_statements(self):
        """T3/T6: after the figures, the statements' sales in promotions (one batch)."""
        targets = super()._prepare_statements()
        targets._write_promotion_lines()
        return targets
