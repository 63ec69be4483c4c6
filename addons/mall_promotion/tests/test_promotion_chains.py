from datetime import date, timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import BEFORE, PromotionCase


@tagged("post_install", "-at_install")
class TestPromotionChains(PromotionCase):
    """M1-M4 on the suite's approval chains, each step as the demo user of its role."""

    def floor_promotion(self, start):
        return self.promotion(
            user=self.demo["floor"],
            kind="floor",
            name="测试 二层女装节",
            date_start=start,
            date_end=start + timedelta(days=2),
        )

    def test_chains_are_shipped_per_kind(self):
        chain = self.env["tier.definition"].search(
            [("model", "=", "mall.promotion"), ("definition_domain", "ilike", "floor")],
            order="sequence desc",
        )
        self.assertEqual(len(chain), 3)
        self.assertEqual(chain[0].reviewer_field_id.name, "floor_manager_ids")
        self.assertTrue(all(chain.mapped("approve_sequence")))

    def test_m1_the_general_manager_approves_before_the_start(self):
        promotion = self.promotion()
        promotion.participant_ids.with_user(self.demo["assistant"]).action_accept()
        with freeze_time(BEFORE):
            promotion.with_user(self.demo["assistant"]).action_submit()
            self.assertFalse(promotion.with_user(self.demo["head"]).can_review)
            promotion.with_user(self.gm)._validate_tier()
        self.assertEqual(promotion.state, "approved")
        # M4: the departments' tasks, relative to the dates.
        activities = promotion.activity_ids.filtered(lambda a: a.summary and ":" in a.summary)
        self.assertIn(date(2029, 3, 11), activities.mapped("date_deadline"))
        self.assertIn(self.demo["floor"], activities.user_id)

    def test_m1_refused_on_or_after_the_start(self):
        promotion = self.promotion()
        with freeze_time("2029-03-01"), self.refused(UserError, "approved before it starts"):
            promotion.with_user(self.demo["assistant"]).action_submit()

    def test_m1_needs_the_cost_request(self):
        promotion = self.promotion(expenses=())
        with freeze_time(BEFORE), self.refused(UserError, "cost request"):
            promotion.with_user(self.demo["assistant"]).action_submit()

    def test_m2_seven_days_at_the_edge(self):
        with freeze_time("2029-02-22"):
            late = self.floor_promotion(date(2029, 2, 28))
            with self.refused(UserError, r"earliest start allowed .*(2029年03月01日|03/01/2029)"):
                late.with_user(self.demo["floor"]).action_submit()
            on_time = self.floor_promotion(date(2029, 3, 1))
            on_time.with_user(self.demo["floor"]).action_submit()
        self.assertEqual(on_time.state, "review")

    def test_m2_floor_head_gm_then_filed(self):
        with freeze_time(BEFORE):
            promotion = self.floor_promotion(date(2029, 3, 1))
            promotion.with_user(self.demo["floor"]).action_submit()
            self.assertFalse(promotion.with_user(self.gm).can_review)
            self.assertFalse(promotion.with_user(self.demo["head"]).can_review)
            promotion.with_user(self.demo["floor"])._validate_tier()
            promotion.with_user(self.demo["head"])._validate_tier()
            self.assertEqual(promotion.state, "review")
            promotion.with_user(self.gm)._validate_tier()
        self.assertEqual(promotion.state, "approved")
        with self.refused(UserError, "Costs Allocated|must be Filed"):
            with freeze_time("2029-03-12"):
                promotion.with_user(self.demo["assistant"]).action_allocate()
        promotion.with_user(self.demo["assistant"]).action_file()
        self.assertEqual(promotion.state, "filed")
        self.assertEqual(len(promotion.review_ids), 3)

    def test_m2_a_floor_manager_applies_only_for_own_floors(self):
        with freeze_time(BEFORE):
            promotion = self.promotion(
                user=self.demo["assistant"],
                kind="floor",
                floor_ids=[(6, 0, self.floor3.ids)],
                contract_ids=[],
            )
            with self.refused(AccessError, "only for own floors"):
                promotion.with_user(self.demo["floor"]).action_submit()

    def test_m3_unapproved_supplier_promotion_is_an_exit_reason(self):
        promotion = self.promotion(kind="supplier", contract_ids=[(6, 0, self.contract_a.ids)])
        with freeze_time("2029-03-02"):
            with self.refused(AccessError, "."):
                promotion.with_user(self.demo["assistant"]).action_record_exit_reason()
            promotion.with_user(self.demo["head"]).action_record_exit_reason()
        self.assertTrue(promotion.exit_reason_recorded)
        self.assertIn("without the marketing department", self.contract_a.termination_reason)

    def test_m3_marketing_reviews_before_the_start(self):
        promotion = self.promotion(kind="supplier", contract_ids=[(6, 0, self.contract_a.ids)])
        with freeze_time(BEFORE):
            promotion.with_user(self.demo["assistant"]).action_submit()
            promotion.with_user(self.demo["head"])._validate_tier()
        self.assertEqual(promotion.state, "approved")

    def test_terms_frozen_after_submission(self):
        promotion = self.promotion()
        promotion.participant_ids.with_user(self.demo["assistant"]).action_accept()
        with freeze_time(BEFORE):
            promotion.with_user(self.demo["assistant"]).action_submit()
        with self.refused(UserError, "."):
            promotion.with_user(self.demo["assistant"]).write({"supplier_share": 50.0})
