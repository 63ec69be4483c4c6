from datetime import date

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import SettlementCase


@tagged("post_install", "-at_install")
class TestSettlementFigures(SettlementCase):
    def test_worked_example(self):
        contract, period, statement = self.worked_example()
        self.assertEqual(period.state, "prepared")
        self.assertEqual(len(statement), 1)
        self.assertEqual(statement.partner_id, self.supplier)
        self.assertEqual(statement.net_sales, 80000.00)
        self.assertEqual(statement.discount_total, 5000.00)
        self.assertEqual(statement.commission, 16000.00)
        self.assertEqual(statement.shortfall, 4000.00)
        self.assertEqual(statement.mall_discount_share, 2000.00)
        self.assertEqual(statement.charge_total, 1500.00)
        self.assertEqual(statement.payable, 60500.00)
        self.assertEqual(
            sorted(statement.charge_ids.mapped("charge_code")), ["electricity", "promotion"]
        )
        self.post(statement)
        bill, invoice = statement.vendor_bill_id, statement.customer_invoice_id
        self.assertEqual(statement.state, "confirmed")
        self.assertEqual((bill.move_type, bill.state), ("in_invoice", "posted"))
        self.assertEqual((invoice.move_type, invoice.state), ("out_invoice", "posted"))
        self.assertEqual(bill.amount_total, 82000.00)
        self.assertEqual(invoice.amount_total, 21500.00)
        self.assertEqual(
            sorted(invoice.invoice_line_ids.mapped("price_subtotal")),
            [500.0, 1000.0, 4000.0, 16000.0],
        )
        self.assertEqual(bill.partner_id, self.supplier)
        self.assertEqual(bill.amount_total - invoice.amount_total, statement.payable)

    def test_period_dates_from_cutoff_day(self):
        self.assertEqual(
            self.company._mall_period_dates(2029, 3), (date(2029, 2, 26), date(2029, 3, 25))
        )
        self.assertEqual(
            self.company._mall_period_dates(2029, 1), (date(2028, 12, 26), date(2029, 1, 25))
        )
        self.company.mall_cutoff_day = 20
        period = self.period(2029, 3)
        self.assertEqual((period.date_from, period.date_to), (date(2029, 2, 21), date(2029, 3, 20)))
        self.assertEqual(period.name, "2029-03")
        with self.refused(ValidationError, "between 1 and 28"):
            self.company.mall_cutoff_day = 31

    def test_progressive_and_whole_brackets(self):
        tiers = [
            (0, 0, {"lower_bound": 0.0, "rate": 10.0}),
            (0, 0, {"lower_bound": 50000.0, "rate": 15.0}),
        ]
        progressive = self.signed_contract(commission_mode="progressive", tier_ids=tiers)
        whole = self.signed_contract(
            commission_mode="whole", tier_ids=tiers, counter_ids=[(6, 0, self.counter_b.ids)]
        )
        self.sales(progressive, [(date(2029, 3, 1), 80000.0, 0.0)])
        self.sales(whole, [(date(2029, 3, 2), 80000.0, 0.0)])
        period = self.period(user=self.accountant)
        period.action_prepare()
        by_contract = {s.contract_id: s for s in period.statement_ids}
        # 50,000 × 10% + 30,000 × 15%; shortfall at the first bracket's rate.
        self.assertEqual(by_contract[progressive].commission, 9500.00)
        self.assertEqual(by_contract[progressive].shortfall, 2000.00)
        self.assertEqual(by_contract[whole].commission, 12000.00)
        self.assertEqual(by_contract[whole].shortfall, 2000.00)
        self.assertEqual(by_contract[whole].payable, 80000.00 - 12000.00 - 2000.00)

    def test_amendment_in_force_at_period_end(self):
        contract = self.signed_contract()
        amendment = self.env["mall.contract.amendment"].create(
            {
                "contract_id": contract.id,
                "date_effective": date(2029, 3, 20),
                "reason": "扣点下调",
                "supplier_stamped": True,
            }
        )
        amendment.write({"commission_rate": 15.0, "discount_share_ratio": 50.0})
        amendment.with_user(self.head).action_sign()
        self.sales(contract, [(date(2029, 3, 1), 80000.0, 5000.0)])
        period = self.period(user=self.accountant)
        period.action_prepare()
        statement = period.statement_ids
        self.assertEqual(statement.commission, 12000.00)
        self.assertEqual(statement.shortfall, 3000.00)
        self.assertEqual(statement.mall_discount_share, 2500.00)
        self.assertEqual(statement.payable, 80000.00 + 2500.00 - 12000.00 - 3000.00)

    def test_rebate_and_terms_charges_are_generated(self):
        contract = self.signed_contract(rebate_rate=2.5, staff_wage_cost=3000.0)
        self.sales(contract, [(date(2029, 3, 1), 100000.0, 0.0)])
        period = self.period(user=self.accountant)
        period.action_prepare()
        statement = period.statement_ids
        charges = {c.charge_code: c.amount for c in statement.charge_ids}
        self.assertEqual(charges, {"rebate": 2500.0, "staff_wage": 3000.0})
        self.assertTrue(all(statement.charge_ids.mapped("generated")))
        self.assertEqual(statement.payable, 100000.0 - 20000.0 - 5500.0)
        # Prepared again: regenerated, not doubled.
        period.with_user(self.accountant).action_prepare()
        self.assertEqual(len(statement.charge_ids), 2)
        self.assertEqual(statement.payable, 74500.0)

    def test_recompute_draft_keeps_figures_and_never_touches_sent(self):
        contract, period, statement = self.worked_example()
        other = self.signed_contract(counter_ids=[(6, 0, self.counter_b.ids)])
        self.sales(other, [(date(2029, 3, 5), 12345.67, 0.0)])
        period.with_user(self.accountant).action_prepare()
        self.assertEqual(len(period.statement_ids), 2)
        fields = ["net_sales", "commission", "shortfall", "mall_discount_share", "payable"]
        before = statement.read(fields)
        period.with_user(self.accountant).action_prepare()
        self.assertEqual(statement.read(fields), before)
        self.assertEqual(len(period.statement_ids), 2)
        statement.with_user(self.accountant).action_send()
        # A late ledger row is refused (T2), naming the period; the sent statement keeps
        # its figures.
        with self.refused(UserError, "2029-03.*next open period"):
            self.sales(contract, [(date(2029, 3, 20), 1000.0, 0.0)])
        period.with_user(self.accountant).action_prepare()
        self.assertEqual(statement.read(fields), before)
        self.assertEqual(statement.state, "sent")

    def test_confirmed_statement_never_changes_and_double_confirm_refused(self):
        _contract, _period, statement = self.worked_example()
        with self.refused(UserError, "must be accepted by the supplier"):
            statement.with_user(self.finance).action_confirm()
        self.assertFalse(statement.vendor_bill_id)
        self.post(statement)
        with self.refused(UserError, "already posted"):
            statement.with_user(self.finance).action_confirm()
        moves = self.env["account.move"].search([("ref", "=", statement.name)])
        self.assertEqual(sorted(moves.mapped("move_type")), ["in_invoice", "out_invoice"])
        with self.refused(UserError, "no longer change"):
            statement.with_user(self.accountant).write({"net_sales": 1.0})
        self.assertEqual(statement.net_sales, 80000.0)

    def test_charge_consumed_once_and_closed_period_refused(self):
        _contract, period, statement = self.worked_example()
        charge = statement.charge_ids.filtered(lambda c: c.charge_code == "electricity")
        self.post(statement)
        with self.refused(UserError, "cannot change"):
            charge.with_user(self.accountant).write({"amount": 1.0})
        with self.refused(UserError, "cannot change"):
            charge.with_user(self.accountant).unlink()
        self.assertEqual(charge.amount, 500.0)
        # A later period never picks a consumed charge up again.
        other = self.period(2029, 4, user=self.accountant)
        other.action_prepare()
        self.assertEqual(charge.statement_id, statement)
        period.with_user(self.finance).action_close()
        self.assertEqual(period.state, "closed")
        count = self.env["mall.supplier.charge"].search_count([])
        with self.refused(UserError, "2029-03.*next open period"):
            self.charge(statement.contract_id, "penalty", 200.0, date(2029, 3, 1), self.accountant)
        self.assertEqual(self.env["mall.supplier.charge"].search_count([]), count)
        with self.refused(UserError, "can no longer be prepared"):
            period.with_user(self.accountant).action_prepare()

    def test_close_requires_confirmed_statements(self):
        _contract, period, _statement = self.worked_example()
        with self.refused(UserError, "not confirmed"):
            period.with_user(self.finance).action_close()
        self.assertEqual(period.state, "prepared")

    def test_overlapping_period_refused(self):
        self.period(2029, 3)
        count = self.env["mall.settlement.period"].search_count([])
        with self.refused(ValidationError, "overlaps"):
            self.env["mall.settlement.period"].create(
                {"date_from": date(2029, 3, 20), "date_to": date(2029, 4, 25)}
            )
        self.assertEqual(self.env["mall.settlement.period"].search_count([]), count)

    def test_prepare_query_count_does_not_depend_on_ledger_rows(self):
        def measure(month, rows):
            contracts = self.env["mall.contract"]
            for index in range(3):
                counter = self.env["mall.counter"].create(
                    {
                        "name": f"Q{month}-{index}",
                        "code": f"Q{month}-{index}",
                        "floor_id": self.floor2.id,
                        "area": 10.0 + index,
                    }
                )
                contracts |= self.signed_contract(
                    counter_ids=[(6, 0, counter.ids)],
                    date_start=date(2029, month, 1),
                    date_end=date(2029, month, 28),
                )
            for contract in contracts:
                self.sales(
                    contract,
                    [(date(2029, month, 1 + i % 20), 10.0 + i, 1.0) for i in range(rows)],
                )
            period = self.period(2029, month)
            self.env.flush_all()
            self.env.invalidate_all()
            start = self.env.cr.sql_log_count
            period.action_prepare()
            self.env.flush_all()
            return self.env.cr.sql_log_count - start, period

        measure(5, 2)  # warm-up
        small, period_small = measure(6, 10)
        large, period_large = measure(7, 500)
        self.assertEqual(len(period_small.statement_ids), 3)
        self.assertEqual(len(period_large.statement_ids), 3)
        self.assertEqual(small, large)
