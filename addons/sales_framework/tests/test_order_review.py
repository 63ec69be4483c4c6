from datetime import date

from odoo.exceptions import ValidationError

from .common import SalesFrameworkCase


class TestOrderReview(SalesFrameworkCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.team.order_review = True
        cls.env.company.sales_review_amount = 100000.0

    def validate(self, order, user):
        action = order.with_user(user).validate_tier()
        wizard = (
            self.env["comment.wizard"]
            .with_user(user)
            .with_context(**action["context"])
            .create({"comment": "同意"})
        )
        wizard.add_comment()

    def test_new_customer_order_goes_through_finance_production_quality(self):
        order = self.order(qty=1)
        self.assertTrue(order.is_new_customer)
        self.assertTrue(order.review_required)
        with self.assertRaisesRegex(ValidationError, "needs to be validated"):
            with self.env.cr.savepoint():
                order.action_confirm()
        self.assertEqual(order.state, "draft")
        order.request_validation()
        reviews = order.review_ids.sorted("sequence")
        self.assertEqual(
            [review.definition_id for review in reviews],
            [
                self.env.ref("sales_framework.tier_definition_order_finance"),
                self.env.ref("sales_framework.tier_definition_order_production"),
                self.env.ref("sales_framework.tier_definition_order_quality"),
            ],
        )
        # Quality cannot decide before finance and production.
        order.with_user(self.quality)._validate_tier()
        self.assertEqual(reviews.mapped("status"), ["pending"] * 3)
        self.assertFalse(reviews.done_by)
        self.assertIn(self.finance, order.sudo().activity_ids.user_id)
        for reviewer in (self.finance, self.production, self.quality):
            self.validate(order, reviewer)
        self.assertEqual(order.validation_status, "validated")
        self.assertEqual(reviews.mapped("done_by"), self.finance | self.production | self.quality)
        order.action_confirm()
        self.assertEqual(order.state, "sale")

    def test_large_order_of_known_customer_is_reviewed_small_one_is_not(self):
        self.team.order_review = False
        self.confirmed_order(date(2025, 1, 10))
        self.team.order_review = True
        small = self.order(qty=99)  # 99,000
        self.assertFalse(small.is_new_customer)
        self.assertFalse(small.review_required)
        small.action_confirm()
        self.assertEqual(small.state, "sale")
        large = self.order(qty=100)  # 100,000
        self.assertTrue(large.review_required)
        with self.assertRaises(ValidationError):
            with self.env.cr.savepoint():
                large.action_confirm()
        large.request_validation()
        self.assertEqual(len(large.review_ids), 3)

    def test_teams_without_review_confirm_directly(self):
        self.team.order_review = False
        order = self.order(qty=500)
        self.assertFalse(order.review_required)
        order.action_confirm()
        self.assertEqual(order.state, "sale")

    def test_refusal_carries_the_comment_to_the_salesperson(self):
        order = self.order(qty=1)
        order.request_validation()
        self.validate(order, self.finance)
        action = order.with_user(self.production).reject_tier()
        self.env["comment.wizard"].with_user(self.production).with_context(
            **action["context"]
        ).create({"comment": "产能不足，交期需延后两周"}).add_comment()
        self.assertEqual(order.validation_status, "rejected")
        message = order.message_ids.filtered(lambda m: "交期需延后两周" in (m.body or ""))[:1]
        self.assertTrue(message)
        self.assertIn(self.seller.partner_id, message.partner_ids)
        todo = order.activity_ids.filtered(lambda a: a.user_id == self.seller)
        self.assertIn("交期需延后两周", str(todo.note))
        with self.assertRaises(ValidationError):
            order.action_confirm()
