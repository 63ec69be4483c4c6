from odoo import models

from .mall_settlement_statement import LEDGER_KEY


class MallSettlementPeriod(models.Model):
    _inherit = "mall.settlement.period"

    def _ledger_totals(self):
        """T3/T6: the contracts' totals and their sums inside each promotion in the one
        scan of the ledger; the sums wait in the cursor cache for the statements'
        figure hooks of this preparation."""
        Statement = self.env["mall.settlement.statement"]
        promotions, rates = Statement._promotion_rates(self)
        if not rates:
            self.env.cr.cache[LEDGER_KEY] = (self.id, promotions, rates, {})
            return super()._ledger_totals()
        totals, sums = Statement._promotion_ledger(self, promotions, rates)
        self.env.cr.cache[LEDGER_KEY] = (self.id, promotions, rates, sums)
        return totals

    def _prepare_statements(self):
        """T3/T6: after the figures, the statements' sales in promotions (one batch)."""
        targets = super()._prepare_statements()
        targets._write_promotion_lines()
        return targets
