from datetime import date

from odoo.tests import tagged

from .common import SettlementCase


@tagged("post_install", "-at_install")
class TestSettlementBrackets(SettlementCase):
    """The statement shows the brackets behind a tiered commission: each bracket's
    range, sales in it, rate and commission, summing to the commission to the cent."""

    def _statement(self, mode, tiers, rows):
        contract = self.signed_contract(
            commission_mode=mode,
            tier_ids=[(0, 0, {"lower_bound": lower, "rate": rate}) for lower, rate in tiers],
        )
        self.sales(contract, rows)
        period = self.period(user=self.accountant)
        period.action_prepare()
        return period.statement_ids.filtered(lambda s: s.contract_id == contract)

    def _figures(self, statement):
        return [
            (b["lower"], b["upper"], b["sales"], b["rate"], b["commission"])
            for b in statement.with_user(self.accountant)._commission_brackets()
        ]

    def test_progressive_brackets_sum_to_the_commission(self):
        statement = self._statement(
            "progressive",
            [(0.0, 8.33), (30000.5, 12.17), (80000.0, 15.55)],
            [(date(2029, 3, 1), 40000.07, 0.0), (date(2029, 3, 20), 55432.12, 0.0)],
        )
        self.assertEqual(statement.net_sales, 95432.19)
        self.assertEqual(statement.commission, 10983.69)
        self.assertEqual(
            self._figures(statement),
            [
                (0.0, 30000.5, 30000.5, 8.33, 2499.04),
                (30000.5, 80000.0, 49999.5, 12.17, 6084.94),
                (80000.0, None, 15432.19, 15.55, 2399.71),
            ],
        )
        self.assertAlmostEqual(
            sum(row[4] for row in self._figures(statement)), statement.commission, places=2
        )
        self.assertTrue(statement.has_commission_brackets)
        table = statement.with_user(self.accountant).commission_breakdown
        for figure in ("30,000.50", "49,999.50", "15,432.19", "2,399.71", "10,983.69", "15.55"):
            self.assertIn(figure, table)

    def test_brackets_on_the_pdf(self):
        statement = self._statement(
            "progressive",
            [(0.0, 8.33), (30000.5, 12.17), (80000.0, 15.55)],
            [(date(2029, 3, 1), 95432.19, 0.0)],
        )
        report = self.env["ir.actions.report"]
        content, _format = report._render_qweb_html(
            "mall_settlement.action_report_settlement_statement", statement.ids
        )
        text = content.decode()
        for figure in ("2,499.04", "6,084.94", "2,399.71", "10,983.69"):
            self.assertIn(figure, text)

    def test_whole_amount_bracket(self):
        statement = self._statement(
            "whole",
            [(0.0, 10.0), (50000.0, 15.0), (100000.0, 18.0)],
            [(date(2029, 3, 1), 80000.0, 0.0)],
        )
        self.assertEqual(statement.commission, 12000.0)
        self.assertEqual(
            self._figures(statement),
            [
                (0.0, 50000.0, 0.0, 10.0, 0.0),
                (50000.0, 100000.0, 80000.0, 15.0, 12000.0),
                (100000.0, None, 0.0, 18.0, 0.0),
            ],
        )

    def test_flat_rate_has_no_brackets(self):
        _contract, _period, statement = self.worked_example()
        self.assertFalse(statement.has_commission_brackets)
        self.assertFalse(statement.commission_breakdown)
        self.assertEqual(statement._commission_brackets(), [])
