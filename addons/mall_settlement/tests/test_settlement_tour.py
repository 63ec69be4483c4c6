from datetime import date

from odoo.tests import HttpCase, tagged

from .common import SettlementCase


@tagged("post_install", "-at_install")
class TestSettlementTour(HttpCase, SettlementCase):
    """The floor accountant prepares the month in the browser, finds the worked
    example's statement (payable 60,500.00) and sends it to the supplier."""

    def test_accountant_prepares_and_sends_in_browser(self):
        contract = self.signed_contract()
        self.sales(
            contract,
            [(date(2029, 3, 1), 50000.0, 3000.0), (date(2029, 3, 20), 30000.0, 2000.0)],
        )
        self.charge(contract, "electricity", 500.0)
        self.charge(contract, "promotion", 1000.0)
        period = self.period()
        self.start_tour(
            "/odoo/action-mall_settlement.action_mall_settlement_period",
            "mall_settlement_prepare_tour",
            login=self.accountant.login,
        )
        statement = period.statement_ids.filtered(lambda s: s.contract_id == contract)
        self.assertEqual(period.state, "prepared")
        self.assertEqual(statement.state, "sent")
        self.assertEqual(statement.payable, 60500.00)
