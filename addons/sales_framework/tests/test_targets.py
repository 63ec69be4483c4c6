from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.marketing_base.tests.common import assert_refused

from .common import SalesFrameworkCase


class TestTargets(SalesFrameworkCase):
    def new_plan(self, year, amount, customers=0, method="even"):
        return (
            self.env["sales.target.plan"]
            .with_user(self.manager)
            .create(
                {
                    "name": f"Plan {year}",
                    "year": year,
                    "budget_amount": 80000.0,
                    "team_target_ids": [
                        Command.create(
                            {
                                "team_id": self.team.id,
                                "amount": amount,
                                "new_customers": customers,
                                "split_method": method,
                            }
                        )
                    ],
                }
            )
        )

    def test_even_split_sums_exactly_to_the_team_target(self):
        plan = self.new_plan(2031, 1000000.01, customers=25)
        plan.action_split()
        targets = plan.target_ids
        self.assertEqual(len(targets), 24, "12 months × 2 salespeople")
        self.assertEqual(round(sum(targets.mapped("amount_target")), 2), 1000000.01)
        self.assertEqual(set(targets.mapped("amount_target")), {41666.67, 41666.66})
        self.assertEqual(sum(targets.mapped("new_customer_target")), 25)
        self.assertEqual(set(targets.mapped("new_customer_target")), {1, 2})
        self.assertEqual(set(targets.user_id.ids), {self.seller.id, self.seller2.id})

    def test_split_follows_last_years_monthly_sales(self):
        self.confirmed_order(date(2029, 3, 15), amount=300.0)
        self.confirmed_order(date(2029, 10, 15), amount=700.0, user=self.seller2)
        self.confirmed_order(date(2028, 6, 15), amount=5000.0)  # not last year
        plan = self.new_plan(2030, 100000.03, customers=3, method="last_year")
        plan.action_split()
        by_month = {}
        for target in plan.target_ids:
            by_month[target.date.month] = by_month.get(target.date.month, 0.0) + (
                target.amount_target
            )
        self.assertAlmostEqual(by_month[3], 30000.01, places=2)
        self.assertAlmostEqual(by_month[10], 70000.02, places=2)
        self.assertEqual(sum(v for m, v in by_month.items() if m not in (3, 10)), 0.0)
        self.assertEqual(round(sum(plan.target_ids.mapped("amount_target")), 2), 100000.03)
        self.assertEqual(sum(plan.target_ids.mapped("new_customer_target")), 3)

    def test_adjusted_split_must_still_sum_to_the_team_target(self):
        plan = self.new_plan(2032, 120000.0)
        plan.action_split()
        january = plan.target_ids.filtered(lambda t: t.date == date(2032, 1, 1))
        self.assertEqual(january.mapped("amount_target"), [5000.0, 5000.0])
        january[0].with_user(self.manager).amount_target = 6000.0
        with self.assertRaisesRegex(
            UserError, r"sum to \S+\s121,000\.00 instead of the team target \S+\s120,000\.00"
        ):
            plan.request_validation()
        january[1].with_user(self.manager).amount_target = 4000.0
        self.assertTrue(plan.request_validation())

    def test_team_without_salespeople_cannot_be_split(self):
        self.team.member_ids = [Command.clear()]
        plan = self.new_plan(2033, 1000.0)
        with self.assertRaisesRegex(UserError, "has no salespeople"):
            plan.action_split()

    def test_one_plan_per_team_and_year(self):
        self.new_plan(2034, 1000.0)
        with self.assertRaisesRegex(ValidationError, "already has a target for 2034"):
            self.new_plan(2034, 2000.0)

    def test_plan_approved_by_vp_then_general_manager(self):
        plan = self.new_plan(2035, 240000.0)
        plan.action_split()
        with self.assertRaises(AccessError):
            plan.with_user(self.seller).action_split()
        with self.assertRaises(AccessError):
            plan.with_user(self.seller).request_validation()
        plan.request_validation()
        self.assertEqual(plan.validation_status, "pending")
        self.assertEqual(len(plan.review_ids), 2)
        # The General Manager's budget review waits for the VP's plan review.
        vp_review = plan.review_ids.sorted("sequence")[0]
        self.assertEqual(vp_review.reviewer_ids & self.vp, self.vp)
        self.assertIn(self.vp, plan.sudo().activity_ids.user_id)
        with self.assertRaises(UserError):
            plan.target_ids[0].with_user(self.manager).amount_target = 1.0
        plan.with_user(self.seller)._validate_tier()
        self.assertEqual(plan.validation_status, "pending")
        plan.with_user(self.vp)._validate_tier()
        self.assertEqual(plan.state, "draft")
        plan.with_user(self.gm)._validate_tier()
        self.assertEqual(plan.validation_status, "validated")
        self.assertEqual(plan.state, "approved")
        with assert_refused(self, plan.target_ids[:1], exc=UserError):
            plan.target_ids[0].with_user(self.manager).amount_target = 1.0
        with assert_refused(self, plan, exc=UserError):
            plan.with_user(self.manager).write({"state": "draft"})

    def test_salesperson_reads_only_own_targets(self):
        plan = self.new_plan(2036, 24000.0)
        plan.action_split()
        mine = self.env["sales.target"].with_user(self.seller).search([("plan_id", "=", plan.id)])
        self.assertEqual(len(mine), 12)
        self.assertEqual(mine.user_id, self.seller)
        with self.assertRaises(AccessError):
            mine[0].amount_target = 1.0
