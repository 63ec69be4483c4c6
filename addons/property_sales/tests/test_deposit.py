from odoo.exceptions import AccessError, UserError, ValidationError

from .common import PropertySalesCase


class TestDeposit(PropertySalesCase):
    def new_deposit(self, amount, **vals):
        return (
            self.env["property.deposit"]
            .with_user(self.consultant)
            .create(
                dict(
                    {
                        "project_id": self.project.id,
                        "partner_id": self.customer.id,
                        "amount": amount,
                    },
                    **vals,
                )
            )
        )

    def test_zero_or_negative_deposit_refused(self):
        Deposit = self.env["property.deposit"]
        for amount in (0.0, -100.0):
            with self.assertRaisesRegex(UserError, "Amount must be a number from 0.01"):
                self.new_deposit(amount)
        self.assertFalse(Deposit.search([("partner_id", "=", self.customer.id)]))

    def test_deposit_for_unit_of_another_project_refused(self):
        other_building = self.env["property.building"].create(
            {
                "name": "A座",
                "code": "A",
                "project_id": self.other_project.id,
                "floor_count": 1,
                "position_ids": [
                    (0, 0, {"number": "01", "layout": "1室1厅", "area": 50, "price_per_sqm": 10000})
                ],
            }
        )
        other_building.action_generate_units()
        with self.assertRaisesRegex(ValidationError, "unit A-0101 belongs to project 滨江壹号"):
            with self.env.cr.savepoint():
                self.new_deposit(50000, unit_id=other_building.unit_ids.id)
        self.assertFalse(
            self.env["property.deposit"].search([("partner_id", "=", self.customer.id)])
        )

    def test_deposit_between_minimum_and_standard_accepted_as_partial(self):
        """D2: accepted without approval; below the standard it is partial (D5)."""
        deposit = self.new_deposit(20000.00)
        deposit.action_submit()
        self.assertEqual(deposit.state, "approved")
        self.assertTrue(deposit.partial)
        self.assertFalse(deposit.below_minimum)

    def test_deposit_below_minimum_needs_marketing_manager(self):
        """D2: the default approval chain, decided by the marketing manager."""
        deposit = self.new_deposit(19999.99)
        deposit.action_submit()
        self.assertEqual(deposit.state, "to_approve")
        self.assertIn(deposit.validation_status, ("waiting", "pending"))
        self.assertIn(self.manager, deposit.reviewer_ids)
        self.assertNotIn(self.consultant, deposit.reviewer_ids)
        self.assertFalse(deposit.with_user(self.consultant).can_review)
        with self.assertRaisesRegex(UserError, "this step needs it Approved"):
            deposit.with_user(self.cashier).action_register_payment()
        self.review(deposit, self.manager)
        self.assertEqual(deposit.state, "approved")
        self.assertEqual(deposit.approved_by, self.manager)
        self.assertEqual(deposit.validation_status, "validated")

    def test_rejected_deposit_returns_to_draft_and_keeps_history_on_restart(self):
        """D2: a rejection with a comment; submitted again, the first decision stays in
        the approval history."""
        deposit = self.new_deposit(15000.00)
        deposit.action_submit()
        self.review(deposit, self.manager, approve=False, comment="认购金太低")
        self.assertEqual(deposit.state, "draft")
        self.assertEqual(deposit.validation_status, "rejected")
        with self.assertRaises(UserError):
            deposit.with_user(self.consultant).action_register_payment()
        deposit.with_user(self.consultant).action_submit()
        self.assertEqual(deposit.state, "to_approve")
        self.assertIn(deposit.validation_status, ("waiting", "pending"))
        history = deposit.review_history_ids
        self.assertEqual(history.mapped("status"), ["rejected"])
        self.assertEqual(history.done_by, self.manager)
        self.assertEqual(history.comment, "认购金太低")
        self.review(deposit, self.manager, comment="客户已说明")
        self.assertEqual(deposit.state, "approved")
        self.assertEqual(deposit.approved_by, self.manager)

    def test_cashier_receipt_is_a_posted_accounting_payment(self):
        """D3"""
        deposit = self.new_deposit(50000.00, unit_id=self.unit.id)
        deposit.action_submit()
        with self.assertRaises(AccessError):
            deposit.action_register_payment()
        self.assertEqual(deposit.state, "approved")
        deposit.with_user(self.cashier).action_register_payment()
        payment = deposit.payment_id
        self.assertEqual(deposit.state, "paid")
        self.assertEqual(payment.amount, 50000.00)
        self.assertEqual(payment.payment_type, "inbound")
        self.assertEqual(payment.partner_id, self.customer)
        self.assertEqual(payment.memo, deposit.name)
        self.assertIn(payment.state, ("in_process", "paid"))
        self.assertEqual(self.log_lines(self.unit).mapped("event"), ["deposit"])
        with self.assertRaisesRegex(UserError, "can no longer change"):
            deposit.write({"amount": 1.0})
        with self.assertRaises(UserError):
            deposit.with_user(self.consultant).write({"state": "refunded"})
        self.assertEqual(deposit.state, "paid")

    def test_refund_of_free_deposit_is_outbound_payment(self):
        deposit = self.paid_deposit(30000.00)
        deposit.with_user(self.cashier).action_refund()
        self.assertEqual(deposit.state, "refunded")
        self.assertEqual(deposit.refund_payment_id.payment_type, "outbound")
        self.assertEqual(deposit.refund_payment_id.amount, 30000.00)

    def test_consultant_sees_only_own_customers_deposits(self):
        mine = self.new_deposit(50000)
        Deposit = self.env["property.deposit"]
        mine_only = [("partner_id", "=", self.customer.id)]
        self.assertEqual(Deposit.with_user(self.consultant).search(mine_only), mine)
        self.assertFalse(Deposit.with_user(self.consultant2).search(mine_only))
        self.assertEqual(Deposit.with_user(self.secretary).search(mine_only), mine)
