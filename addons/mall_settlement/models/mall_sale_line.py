from odoo import api, models


class MallSaleLine(models.Model):
    _inherit = "mall.sale.line"

    @api.model
    def _check_ledger_open(self, company, dates):
        """T2: takings dated inside a period whose statements have left draft are refused
        (created, changed or deleted), naming the period and what to do."""
        self.env["mall.settlement.period"]._raise_if_settled(company, dates)
        return super()._check_ledger_open(company, dates)
