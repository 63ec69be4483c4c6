from datetime import date

from odoo.tests import tagged

from .common import SettlementCase


@tagged("post_install", "-at_install")
class TestSettlementLedgerPeriod(SettlementCase):
    """Ledger rows carry their settlement period (kept in SQL): the ledger pivot groups
    by settlement period as well as by calendar month."""

    def _by_period(self, contract):
        groups = self.env["mall.sale.line"]._read_group(
            [("contract_id", "=", contract.id)], ["settlement_period_id"], ["amount:sum"]
        )
        return {period.name or False: amount for period, amount in groups}

    def test_rows_get_their_period(self):
        contract = self.signed_contract()
        # Recorded before the period exists (the daily import)
        self.sales(
            contract,
            [
                (date(2029, 2, 25), 999.0, 0.0),
                (date(2029, 2, 26), 30000.0, 0.0),
                (date(2029, 3, 10), 25000.0, 0.0),
            ],
        )
        self.assertEqual(self._by_period(contract), {False: 55999.0})
        march = self.period()
        self.assertEqual(self._by_period(contract), {"2029-03": 55000.0, False: 999.0})
        # Rows entered or imported once the period exists
        self.sales(contract, [(date(2029, 3, 25), 25000.0, 0.0)])
        content = self.csv_file([f"2029-03-12,{self.counter.code},TSY01,1,1234.56,0"])
        self.env["mall.sale.line"]._import_file(content, "till.csv")
        self.sales(contract, [(date(2029, 3, 26), 888.0, 0.0)])
        february = self.period(2029, 2)
        self.assertEqual(
            self._by_period(contract),
            {"2029-03": 81234.56, "2029-02": 999.0, False: 888.0},
        )
        march.action_prepare()
        statement = march.statement_ids.filtered(lambda s: s.contract_id == contract)
        self.assertEqual(statement.net_sales, 81234.56)
        # A draft period whose dates move takes its rows along
        february.date_to = date(2029, 2, 24)
        self.assertEqual(
            self._by_period(contract),
            {"2029-03": 81234.56, False: 1887.0},
        )
        # Both groupings of the pivot
        months = self.env["mall.sale.line"]._read_group(
            [("contract_id", "=", contract.id)], ["date:month"], ["amount:sum"]
        )
        self.assertEqual(len(months), 2)
