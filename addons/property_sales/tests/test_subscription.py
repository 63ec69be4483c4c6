from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import Form

from .common import PropertySalesCase


class TestSubscription(PropertySalesCase):
    def subscribe(self, deposit_amount=50000.0, price=None):
        deposit = self.paid_deposit(deposit_amount, unit=self.unit)
        lock = self.lock(self.unit, id_number=None, deposit_id=deposit.id)
        with Form(self.env["property.subscription"].with_user(self.consultant)) as form:
            form.unit_id = self.unit
            form.partner_id = self.customer
            if price is not None:
                form.price = price
        subscription = form.record
        self.assertEqual(subscription.lock_id, lock)
        self.assertEqual(subscription.deposit_id, deposit)
        return subscription

    def test_form_fills_lock_deposit_and_list_price(self):
        subscription = self.subscribe()
        self.assertEqual(subscription.list_price, 2374845.00)  # 128.37 × 18,500
        self.assertEqual(subscription.price, 2374845.00)
        self.assertEqual(subscription.discount_amount, 0.0)

    def test_full_flow_from_lock_to_delivery_is_registered(self):
        """D4 and U8: every step on the register, in order."""
        subscription = self.subscribe()
        subscription.with_user(self.consultant).action_confirm()
        self.assertEqual(subscription.state, "confirmed")
        self.assertEqual(subscription.lock_id.state, "converted")
        self.assertEqual(self.unit.state, "subscribed")
        self.assertFalse(subscription.topup_deadline)
        with self.assertRaisesRegex(UserError, "Mortgage Documents Complete, Contract Registered"):
            subscription.with_user(self.service).action_contract()
        subscription.with_user(self.service).write(
            {"mortgage_documents": True, "contract_registered": True, "contract_number": "HT-001"}
        )
        subscription.with_user(self.service).action_contract()
        self.assertEqual(self.unit.state, "contracted")
        subscription.with_user(self.service).action_deliver()
        self.assertEqual(self.unit.state, "delivered")
        self.assertEqual(
            self.log_lines(self.unit).mapped("event"),
            ["deposit", "lock", "subscribe", "contract", "deliver"],
        )
        with self.assertRaisesRegex(UserError, "already locked|Delivered and cannot be locked"):
            self.lock(self.unit, partner=self.customer2)

    def test_converted_lock_cannot_be_released(self):
        subscription = self.subscribe()
        subscription.action_confirm()
        with self.assertRaisesRegex(UserError, "is Converted: only an active lock"):
            subscription.lock_id.with_user(self.secretary).action_release()
        self.assertEqual(self.unit.state, "subscribed")

    def test_discount_within_consultant_limit(self):
        """D7: 2% of 2,374,845.00 = 47,496.90 → 2,327,348.10 is allowed."""
        subscription = self.subscribe(price=2327348.10)
        self.assertEqual(subscription.discount_amount, 47496.90)
        subscription.action_confirm()
        self.assertEqual(subscription.state, "confirmed")

    def test_discount_above_limit_needs_manager_approval(self):
        """D7: one cent more is refused until the marketing manager approves."""
        subscription = self.subscribe(price=2327348.09)
        as_consultant = subscription.with_user(self.consultant)
        with self.assertRaisesRegex(UserError, "more than the consultants' limit of 2.00%"):
            as_consultant.action_confirm()
        self.assertEqual(subscription.state, "draft")
        self.assertEqual(self.unit.state, "locked")
        as_consultant.action_request_discount_approval()
        request = self.request_of(subscription, "discount")
        self.assertEqual(request.state, "pending")
        self.assertEqual(request.price, 2327348.09)
        self.assertIn(self.manager, request.reviewer_ids)
        self.assertNotIn(self.consultant, request.reviewer_ids)
        self.assertFalse(subscription.discount_approved_by)
        self.review(request, self.manager, comment="老客户")
        self.assertEqual(request.state, "approved")
        self.assertEqual(subscription.discount_approved_by, self.manager)
        self.assertTrue(subscription.discount_approval_date)
        as_consultant.action_confirm()
        self.assertEqual(subscription.state, "confirmed")
        self.assertIn("discount", self.log_lines(self.unit).mapped("event"))

    def test_rejected_discount_is_not_recorded(self):
        subscription = self.subscribe(price=2000000.00)
        subscription.with_user(self.consultant).action_request_discount_approval()
        request = self.request_of(subscription, "discount")
        self.review(request, self.manager, approve=False, comment="折扣过大")
        self.assertEqual(request.state, "rejected")
        self.assertEqual(request.review_ids.comment, "折扣过大")
        self.assertFalse(subscription.discount_approved_by)
        with self.assertRaisesRegex(UserError, "ask the marketing manager"):
            subscription.with_user(self.consultant).action_confirm()

    def test_price_change_after_approval_needs_new_approval(self):
        subscription = self.subscribe(price=2200000.00)
        subscription.with_user(self.consultant).action_request_discount_approval()
        self.review(self.request_of(subscription, "discount"), self.manager)
        self.assertEqual(subscription.discount_approved_by, self.manager)
        subscription.with_user(self.consultant).write({"price": 2100000.00})
        self.assertFalse(subscription.discount_approved_by)
        with self.assertRaisesRegex(UserError, "ask the marketing manager"):
            subscription.with_user(self.consultant).action_confirm()

    def test_partial_deposit_gives_temporary_subscription(self):
        """D5: deadline set; only an approved request extends it; top-up confirms it."""
        subscription = self.subscribe(deposit_amount=20000.00)
        as_consultant = subscription.with_user(self.consultant)
        as_consultant.action_confirm()
        today = fields.Date.context_today(subscription)
        self.assertEqual(subscription.state, "temporary")
        self.assertEqual(subscription.topup_deadline, today + timedelta(days=7))
        for user in (self.consultant, self.manager):
            with self.assertRaises(UserError):
                subscription.with_user(user).write({"topup_deadline": today + timedelta(days=14)})
        self.assertEqual(subscription.topup_deadline, today + timedelta(days=7))
        as_consultant.topup_deadline_requested = today + timedelta(days=14)
        as_consultant.action_request_extension()
        self.review(self.request_of(subscription, "extension"), self.manager)
        self.assertEqual(subscription.topup_deadline, today + timedelta(days=14))
        with self.assertRaisesRegex(UserError, "register the top-up deposit first"):
            as_consultant.action_confirm_topup()
        as_consultant.topup_deposit_id = self.paid_deposit(30000.00)
        as_consultant.action_confirm_topup()
        self.assertEqual(subscription.state, "confirmed")
        self.assertEqual(
            self.log_lines(self.unit).mapped("event"), ["deposit", "lock", "temporary", "topup"]
        )

    def test_return_needs_manager_and_refund_goes_through_accounting(self):
        """D6"""
        subscription = self.subscribe()
        as_consultant = subscription.with_user(self.consultant)
        as_consultant.action_confirm()
        deposit = subscription.deposit_id
        with self.assertRaisesRegex(UserError, "held by a subscription"):
            deposit.with_user(self.cashier).action_refund()
        with self.assertRaisesRegex(UserError, "give the return reason first"):
            as_consultant.action_request_return()
        as_consultant.return_reason = "客户资金不足"
        as_consultant.action_request_return()
        self.assertEqual(subscription.state, "confirmed")
        self.review(self.request_of(subscription, "return"), self.manager)
        self.assertEqual(subscription.state, "cancelled")
        self.assertEqual(subscription.return_approved_by, self.manager)
        self.assertEqual(self.unit.state, "available")
        deposit.with_user(self.cashier).action_refund()
        self.assertEqual(deposit.refund_payment_id.amount, 50000.00)
        self.assertEqual(
            self.log_lines(self.unit).mapped("event"),
            ["deposit", "lock", "subscribe", "return", "deposit_refund"],
        )

    def test_subscription_needs_active_lock_for_the_customer(self):
        deposit = self.paid_deposit(50000.00, partner=self.customer2)
        subscription = self.env["property.subscription"].create(
            {
                "unit_id": self.unit.id,
                "partner_id": self.customer2.id,
                "deposit_id": deposit.id,
            }
        )
        with self.assertRaisesRegex(UserError, "has no active lock for 周杰"):
            subscription.action_confirm()
        self.assertEqual(self.unit.state, "available")

    def test_subscription_pdf_is_in_chinese(self):
        subscription = self.subscribe()
        subscription.action_confirm()
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("property_sales.report_property_subscription", subscription.ids)[0]
            .decode()
        )
        self.assertIn("商品房认购书", html)
        self.assertIn(subscription.name, html)
        self.assertIn("黄晓明", html)
        self.assertIn("2,374,845.00", html)
        self.assertIn("3室2厅2卫", html)

    def test_change_of_unit_needs_manager_and_moves_the_subscription(self):
        """D6: 换房"""
        subscription = self.subscribe()
        as_consultant = subscription.with_user(self.consultant)
        as_consultant.action_confirm()
        new_unit = self.unit_named("1-0202")
        self.lock(new_unit, id_number="110101199001011237")
        as_consultant.change_unit_id = new_unit
        as_consultant.action_request_change()
        request = self.request_of(subscription, "change")
        self.assertEqual(self.unit.state, "subscribed")
        self.review(request, self.manager)
        new = subscription.changed_to_id
        self.assertEqual(subscription.state, "cancelled")
        self.assertEqual(new.state, "confirmed")
        self.assertEqual(new.unit_id, new_unit)
        self.assertEqual(new.deposit_id, subscription.deposit_id)
        self.assertEqual(new.price, new_unit.list_price)
        self.assertEqual(self.unit.state, "available")
        self.assertEqual(new_unit.state, "subscribed")
        self.assertEqual(self.log_lines(self.unit).mapped("event")[-1], "change")
        self.assertEqual(self.log_lines(new_unit).mapped("event"), ["lock", "subscribe"])

    def test_change_of_unit_refused_without_lock_for_the_customer(self):
        subscription = self.subscribe()
        subscription.action_confirm()
        other = self.unit_named("1-0202")
        self.lock(other, partner=self.customer2)
        subscription.change_unit_id = other
        with self.assertRaisesRegex(UserError, "have it locked for 黄晓明 first"):
            subscription.with_user(self.consultant).action_request_change()
        self.assertEqual(subscription.state, "confirmed")
        self.assertEqual(other.state, "locked")
