from datetime import date, datetime

from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import SettlementCase


@tagged("post_install", "-at_install")
class TestSettlementPayment(SettlementCase):
    def _invoiced(self, statement, received):
        statement.with_user(self.accountant).action_send()
        statement.with_user(self.finance).action_confirm()
        statement.with_user(self.finance).action_register_invoice()
        statement.invoice_received_date = received
        return statement

    def _wizard(self, amount):
        form = Form(self.env["mall.settlement.payment.wizard"].with_user(self.finance))
        form.amount = amount
        return form.save()

    def test_payment_nets_to_payable(self):
        _contract, _period, statement = self.worked_example()
        self._invoiced(statement, datetime(2029, 3, 28, 9, 0))
        self._wizard(60500.0).action_pay()
        self.assertEqual(statement.state, "paid")
        bill, invoice = statement.vendor_bill_id, statement.customer_invoice_id
        self.assertEqual(statement.payment_id.amount, 60500.00)
        self.assertEqual(statement.payment_id.payment_type, "outbound")
        self.assertEqual(bill.amount_residual, 0.0)
        self.assertEqual(invoice.amount_residual, 0.0)
        self.assertIn(bill.payment_state, ("paid", "in_payment"))
        self.assertIn(invoice.payment_state, ("paid", "in_payment"))
        # The supplier's receivable and payable on these documents are settled.
        lines = self.env["account.move.line"].search(
            [
                ("partner_id", "=", self.supplier.id),
                ("parent_state", "=", "posted"),
                ("account_type", "in", ("asset_receivable", "liability_payable")),
            ]
        )
        self.assertEqual(sum(lines.mapped("balance")), 0.0)
        self.assertEqual(sum(lines.mapped("amount_residual")), 0.0)

    def test_queue_order_and_payment_run_up_to_the_amount(self):
        # Three suppliers; the classes are computed at prepare, then set here to pin the order.
        partners = self.env["res.partner"].create(
            [{"name": f"供应商{i}", "is_company": True} for i in range(3)]
        )
        counters = [self.counter, self.counter_b, self.counter3]
        contracts = self.env["mall.contract"]
        for index, (partner, counter) in enumerate(zip(partners, counters, strict=True)):
            brand = self.env["mall.brand"].create(
                {"name": f"品牌{index}", "category_id": self.category.id}
            )
            contracts |= self.signed_contract(
                partner_id=partner.id, brand_id=brand.id, counter_ids=[(6, 0, counter.ids)]
            )
        for contract, amount in zip(contracts, (120000.0, 110000.0, 105000.0), strict=True):
            self.sales(contract, [(date(2029, 3, 3), amount, 0.0)])
        period = self.period(user=self.accountant)
        period.action_prepare()
        statements = {s.contract_id: s for s in period.statement_ids}
        first, second, third = (statements[c] for c in contracts)
        self.assertEqual(first.priority_class, "a")
        self.assertEqual(first.rank_sales, 1)
        # payables: 96,000 / 88,000 / 84,000
        self._invoiced(first, datetime(2029, 3, 28, 15, 0))
        self._invoiced(second, datetime(2029, 3, 28, 9, 0))
        self._invoiced(third, datetime(2029, 3, 27, 9, 0))
        first.priority_class = "a"
        second.priority_class = "e"
        third.priority_class = "e"
        queue = self.env["mall.settlement.statement"].search(
            [("state", "=", "invoiced"), ("period_id", "=", period.id)],
            order="priority_class, invoice_received_date, id",
        )
        self.assertEqual(queue.ids, [first.id, third.id, second.id])

        count = self.env["account.payment"].search_count([])
        with self.refused(UserError, "cannot be negative"):
            self._wizard(-1.0).action_pay()
        self.assertEqual(self.env["account.payment"].search_count([]), count)
        with self.refused(UserError, "does not cover"):
            self._wizard(95999.99).action_pay()

        # 96,000 + 84,000 = 180,000 fits; the second (88,000) does not fit the rest.
        wizard = self._wizard(250000.0)
        self.assertEqual(wizard.statement_ids.ids, [first.id, third.id])
        self.assertEqual(wizard.total, 180000.0)
        wizard.action_pay()
        self.assertEqual((first.state, third.state, second.state), ("paid", "paid", "invoiced"))
        self.assertEqual(self.env["account.payment"].search_count([]), count + 2)
        self.assertEqual(first.payment_id.amount, 96000.0)
        self.assertEqual(third.payment_id.amount, 84000.0)
