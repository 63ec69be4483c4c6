from datetime import date, datetime

from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import SettlementCase


@tagged("post_install", "-at_install")
class TestSettlementPayment(SettlementCase):
    def _invoiced(self, statement, received):
        self.post(statement)
        statement.with_user(self.finance).action_register_invoice()
        statement.sudo().invoice_received_date = received  # pin the receipt time
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

    def test_cashier_without_email_runs_the_queue(self):
        """A finance user with no e-mail address pays the queue; the statement logs
        the payment in its chatter as that user."""
        self.finance.sudo().email = False
        self.assertFalse(self.finance.partner_id.email)
        _contract, _period, statement = self.worked_example()
        self._invoiced(statement, datetime(2029, 3, 28, 9, 0))
        self._wizard(60500.0).action_pay()
        self.assertEqual(statement.state, "paid")
        self.assertEqual(statement.payment_id.amount, 60500.00)
        note = statement.message_ids.filtered(lambda m: "60,500.00" in (m.body or ""))
        self.assertTrue(note, "the payment is logged on the statement")
        self.assertEqual(note[:1].author_id, self.finance.partner_id)

    def test_priority_classes_computed_from_brand_data(self):
        """T9 (a) top 20% by net sales or by sales per m², (b) representative brand,
        (c) brand introduced within 12 months of the period end, (d) promising brand,
        (e) the rest: computed at preparation from the brands, and the queue follows
        them whatever the invoice receipt order."""
        specs = [
            # (brand values, counter area, net sales)
            ({}, 40.0, 500000.0),
            ({"representative": True}, 20.0, 100000.0),
            ({"date_introduced": date(2028, 10, 1)}, 20.0, 90000.0),
            ({"promising": True}, 20.0, 80000.0),
            ({"date_introduced": date(2027, 1, 1)}, 20.0, 70000.0),
        ]
        contracts = self.env["mall.contract"]
        for index, (brand_vals, area, _net) in enumerate(specs):
            partner = self.env["res.partner"].create(
                {"name": f"T9供应商{index}", "is_company": True}
            )
            brand = self.env["mall.brand"].create(
                {"name": f"T9品牌{index}", "category_id": self.category.id, **brand_vals}
            )
            counter = self.env["mall.counter"].create(
                {
                    "name": f"T9专柜{index}",
                    "code": f"T9-{index}",
                    "floor_id": self.floor2.id,
                    "area": area,
                }
            )
            contracts |= self.signed_contract(
                partner_id=partner.id, brand_id=brand.id, counter_ids=[(6, 0, counter.ids)]
            )
        for contract, (_brand, _area, net) in zip(contracts, specs, strict=True):
            self.sales(contract, [(date(2029, 3, 3), net, 0.0)])
        period = self.period(user=self.accountant)
        period.action_prepare()
        statements = [
            period.statement_ids.filtered(lambda s, c=contract: s.contract_id == c)
            for contract in contracts
        ]
        self.assertEqual([s.priority_class for s in statements], ["a", "b", "c", "d", "e"])
        self.assertEqual([s.rank_sales for s in statements], [1, 2, 3, 4, 5])
        self.assertEqual(statements[0].sales_per_area, 12500.0)
        # Invoices received in the reverse order: the classes still lead.
        for hour, statement in enumerate(reversed(statements)):
            self._invoiced(statement, datetime(2029, 3, 28, 8 + hour, 0))
        queue = self.env["mall.settlement.statement"].search(
            self.env["mall.settlement.statement"]._payment_queue_domain(self.company),
            order="priority_class, invoice_received_date, id",
        )
        self.assertEqual(queue.ids, [s.id for s in statements])
        wizard = self._wizard(10**9)
        self.assertEqual(wizard.statement_ids.ids, [s.id for s in statements])

    def test_queue_order_and_payment_run_up_to_the_amount(self):
        # Three suppliers; the classes are computed at prepare from sales and sales per m².
        self.floor3.accountant_ids = [(4, self.accountant.id)]
        counters = [self.counter, self.counter_b, self.counter3]
        contracts = self.env["mall.contract"]
        for index, counter in enumerate(counters):
            contracts |= self.supplier_contract(f"供应商{index}", counter, f"品牌{index}")
        for contract, amount in zip(contracts, (120000.0, 110000.0, 105000.0), strict=True):
            self.sales(contract, [(date(2029, 3, 3), amount, 0.0)])
        period = self.period(user=self.accountant)
        period.action_prepare()
        statements = {s.contract_id: s for s in period.statement_ids}
        first, second, third = (statements[c] for c in contracts)
        # Top 20% of 3 = 1: first by sales (120,000), third by sales per m² (3,500).
        self.assertEqual(
            (first.priority_class, second.priority_class, third.priority_class), ("a", "e", "a")
        )
        self.assertEqual((first.rank_sales, third.rank_area), (1, 1))
        # payables: 96,000 / 88,000 / 84,000
        self._invoiced(first, datetime(2029, 3, 27, 9, 0))
        self._invoiced(second, datetime(2029, 3, 26, 9, 0))
        self._invoiced(third, datetime(2029, 3, 28, 15, 0))
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
