from datetime import date

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import SettlementCase


@tagged("post_install", "-at_install")
class TestSettlementLateMoney(SettlementCase):
    """T2/T5: no money falls between two periods. Takings or charges dated in a period
    whose statements have left draft are refused with a message naming the period and
    what to do; a statement cannot be sent with takings or charges recorded since its
    preparation."""

    def test_late_till_rows_refused_by_every_ledger_path(self):
        contract, period, statement = self.worked_example()
        manual = self.sales(contract, [(date(2029, 3, 12), 100.0, 0.0)])
        period.with_user(self.accountant).action_prepare()
        self.assertEqual(statement.net_sales, 80100.0)
        statement.with_user(self.accountant).action_send()
        Sale = self.env["mall.sale.line"].with_user(self.accountant)
        count = Sale.search_count([])
        # Till file import of a row dated inside the sent period.
        with self.refused(UserError, r"2029-03.*next open period.*adjusting statement"):
            Sale._import_file(self.csv_file(["2029-03-20,TF2-01,TSY01,1,500,0"]), "late.csv")
        # Manual row, change and deletion of a row of the period: frozen.
        with self.refused(UserError, "2029-03"):
            self.sales(contract, [(date(2029, 3, 20), 500.0, 0.0)])
        with self.refused(UserError, "2029-03"):
            manual.with_user(self.accountant).write({"amount": 1.0})
        with self.refused(UserError, "2029-03"):
            manual.with_user(self.accountant).unlink()
        # Moving a row from the next period into this one, too.
        april = self.sales(contract, [(date(2029, 3, 28), 50.0, 0.0)])
        with self.refused(UserError, "2029-03"):
            april.with_user(self.accountant).write({"date": date(2029, 3, 20)})
        self.assertEqual(Sale.search_count([]), count + 1)
        self.assertEqual(manual.amount, 100.0)
        # The next open period takes the late takings; the sent statement is untouched.
        Sale._import_file(self.csv_file(["2029-03-26,TF2-01,TSY01,1,500,0"]), "next.csv")
        self.assertEqual(statement.net_sales, 80100.0)
        # Back to draft (disputed, corrected): the period's ledger opens again.
        statement.with_user(self.accountant).action_reset_draft()
        manual.with_user(self.accountant).write({"amount": 200.0})
        period.with_user(self.accountant).action_prepare()
        self.assertEqual(statement.net_sales, 80200.0)

    def test_late_charge_refused_for_a_sent_statement(self):
        contract, period, statement = self.worked_example()
        statement.with_user(self.accountant).action_send()
        count = self.env["mall.supplier.charge"].search_count([])
        with self.refused(UserError, r"Storage Fee.*2029-03.*next open period.*adjusting"):
            self.charge(contract, "storage", 300.0, date(2029, 3, 20), self.accountant)
        self.assertEqual(self.env["mall.supplier.charge"].search_count([]), count)
        # Dated in the next period, it is settled there.
        late = self.charge(contract, "storage", 300.0, date(2029, 3, 26), self.accountant)
        with self.refused(UserError, "2029-03"):
            late.with_user(self.accountant).write({"date": date(2029, 3, 25)})
        april = self.period(2029, 4, user=self.accountant)
        april.action_prepare()
        self.assertEqual(late.statement_id.period_id, april)
        self.assertEqual(statement.charge_total, 1500.0)

    def test_statement_refused_when_money_arrived_after_preparation(self):
        contract, period, statement = self.worked_example()
        self.sales(contract, [(date(2029, 3, 21), 1000.0, 0.0)])
        with self.refused(UserError, "out of date.*Prepare Statements"):
            statement.with_user(self.accountant).action_send()
        period.with_user(self.accountant).action_prepare()
        self.charge(contract, "storage", 300.0, date(2029, 3, 21), self.accountant)
        with self.refused(UserError, "out of date"):
            statement.with_user(self.accountant).action_send()
        period.with_user(self.accountant).action_prepare()
        statement.with_user(self.accountant).action_send()
        self.assertEqual(statement.net_sales, 81000.0)
        self.assertEqual(statement.charge_total, 1800.0)

    def test_net_sales_after_customer_returns(self):
        contract = self.signed_contract()
        sales = self.sales(contract, [(date(2029, 3, 1), 50000.0, 0.0)])
        self.env["mall.sale.line"].with_user(self.accountant).create(
            {
                "date": date(2029, 3, 5),
                "counter_id": self.counter.id,
                "product_id": self.product.id,
                "quantity": -1,
                "amount": -899.0,
                "origin_line_id": sales.id,
            }
        )
        period = self.period(user=self.accountant)
        period.action_prepare()
        statement = period.statement_ids
        self.assertEqual(statement.net_sales, 49101.0)
        self.assertEqual(statement.returns_total, -899.0)
        self.assertEqual(statement.commission, 9820.2)
        self.assertEqual(statement.shortfall, 10179.8)

    def _sponsored(self, frequency, start):
        contract = self.signed_contract(
            sponsorship_fee=5000.0,
            sponsorship_frequency=frequency,
            date_start=start,
            counter_ids=[(6, 0, self.counter_b.ids)],
        )
        self.sales(contract, [(date(2029, 3, 12), 1000.0, 0.0), (date(2029, 4, 1), 1000.0, 0.0)])
        self.sales(contract, [(date(2030, 3, 1), 1000.0, 0.0)])
        charged = []
        for year, month in ((2029, 3), (2029, 4), (2030, 3)):
            period = self.period(year, month, user=self.accountant)
            period.action_prepare()
            fee = period.statement_ids.charge_ids.filtered(lambda c: c.charge_code == "sponsorship")
            charged.append(sum(fee.mapped("amount")))
        return charged

    def test_sponsorship_fee_by_frequency(self):
        # Contract starts 2029-03-10 (period 2029-03: 02-26 .. 03-25).
        self.assertEqual(self._sponsored("once", date(2029, 3, 10)), [5000.0, 0.0, 0.0])

    def test_sponsorship_fee_monthly(self):
        self.assertEqual(self._sponsored("monthly", date(2029, 3, 10)), [5000.0, 5000.0, 5000.0])

    def test_sponsorship_fee_yearly_on_the_anniversary(self):
        self.assertEqual(self._sponsored("yearly", date(2029, 3, 10)), [5000.0, 0.0, 5000.0])
