from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.marketing_base.tests.common import assert_refused

from .common import MallDemoCase


@tagged("post_install", "-at_install")
class TestProductRequestApproval(MallDemoCase):
    """P1 on the suite's approval mechanism: the default chain floor → buyer →
    procurement shipped as data, each reviewer as the demo user of its role."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contract_a = cls.signed_contract()
        cls.floor, cls.buyer_demo, cls.head_demo = (
            cls.demo["floor"],
            cls.demo["buyer"],
            cls.demo["head"],
        )

    def new_request(self):
        request = (
            self.env["mall.product.request"]
            .with_user(self.floor)
            .create(
                {
                    "counter_id": self.counter.id,
                    "contract_id": self.contract_a.id,
                    "product_name": "丝语 真丝衬衫",
                    "list_price": 1680.0,
                }
            )
        )
        request.action_request()
        return request

    def comment(self, request, user, decision, text):
        """A decision through the comment wizard the Validate / Reject buttons open."""
        request = request.with_user(user)
        action = request.validate_tier() if decision == "validate" else request.reject_tier()
        wizard = (
            self.env["comment.wizard"]
            .with_user(user)
            .with_context(**action["context"])
            .create({"comment": text})
        )
        wizard.add_comment()

    def test_default_chain_is_shipped_as_data(self):
        chain = self.env["tier.definition"].search(
            [("model", "=", "mall.product.request")], order="sequence desc"
        )
        self.assertEqual(
            chain.mapped("reviewer_group_id"),
            self.env.ref("mall_consignment.group_floor_manager")
            | self.env.ref("mall_consignment.group_buyer")
            | self.env.ref("mall_consignment.group_marketing_head"),
        )
        self.assertTrue(all(chain.mapped("approve_sequence")))

    def test_approval_in_turn_by_each_demo_reviewer(self):
        request = self.new_request()
        self.assertEqual(request.validation_status, "pending")
        self.assertEqual(request.with_user(self.floor).can_review, True)
        self.assertEqual(request.with_user(self.buyer_demo).can_review, False)
        request.with_user(self.floor)._validate_tier()
        self.comment(request, self.buyer_demo, "validate", "价格合理")
        request.with_user(self.head_demo).action_check_quality()
        request.with_user(self.head_demo).action_check_price()
        self.comment(request, self.head_demo, "validate", "质检报告齐全")
        self.assertEqual(request.validation_status, "validated")
        self.assertEqual(request.state, "reviewed")
        self.assertIn(request.product_id, self.contract_a.product_ids)
        self.assertEqual(request.product_id.company_id, self.contract_a.company_id)

    def test_rejection_with_a_comment_and_restart_keep_the_history(self):
        request = self.new_request()
        request.with_user(self.floor)._validate_tier()
        self.comment(request, self.buyer_demo, "reject", "价格高于同类商品")
        self.assertEqual(request.validation_status, "rejected")
        self.assertEqual(request.state, "requested")
        # Only the floor sends it back to draft; then it asks again.
        with assert_refused(self, request, exc=AccessError):
            request.with_user(self.buyer_demo).action_reset_draft()
        request.with_user(self.floor).action_reset_draft()
        self.assertEqual(request.state, "draft")
        self.assertFalse(request.review_ids)
        request.with_user(self.floor).write({"list_price": 1480.0})
        request.with_user(self.floor).action_request()
        self.assertEqual(len(request.review_ids), 3)
        history = request.review_history_ids
        self.assertEqual(set(history.mapped("round")), {1})
        rejected = history.filtered(lambda h: h.status == "rejected")
        self.assertEqual(rejected.done_by, self.buyer_demo)
        self.assertEqual(rejected.comment, "价格高于同类商品")
        self.assertEqual(history.filtered(lambda h: h.status == "approved").done_by, self.floor)

    def test_steps_are_set_only_by_the_actions(self):
        request = self.new_request()
        for vals in ({"state": "reviewed"}, {"quality_checked": True}, {"price_checked": True}):
            with self.subTest(vals=vals), assert_refused(self, request, exc=UserError):
                request.with_user(self.head_demo).write(vals)
        with assert_refused(self, request.review_ids, exc=AccessError):
            request.review_ids.with_user(self.head_demo).write({"status": "approved"})

    def test_buyer_refuses_for_good(self):
        request = self.new_request()
        with assert_refused(self, request, exc=AccessError):
            request.with_user(self.floor).action_refuse()
        request.with_user(self.buyer_demo).action_refuse()
        self.assertEqual(request.state, "refused")
        self.assertFalse(request.review_ids)
