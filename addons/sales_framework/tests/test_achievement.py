import calendar
from datetime import date, timedelta

from odoo import fields

from .common import SalesFrameworkCase


class TestAchievement(SalesFrameworkCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.context_today(cls.env["sales.target"])
        cls.month = cls.today.replace(day=1)

    def collect(self, order, amount, day):
        invoice = order._create_invoices()
        invoice.invoice_date = day
        invoice.action_post()
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create({"payment_date": day, "amount": amount})._create_payments()
        return invoice

    def test_achievement_from_confirmed_orders_and_payments(self):
        plan = self.approved_plan(self.today.year, 120000.0, customers=24)
        first = self.confirmed_order(self.month, amount=30000.0)
        self.confirmed_order(self.month, partner=self.customer, amount=12000.50)
        self.confirmed_order(self.month, partner=self.customer2, user=self.seller2, amount=7000)
        self.order(price=99999.0)  # a quotation does not count
        cancelled = self.confirmed_order(self.month, amount=50000.0)
        cancelled._action_cancel()
        self.collect(first, 10000.0, self.month)

        Report = self.env["sales.achievement.report"]
        rows = {
            user: (target, sales, collected, customers)
            for user, target, sales, collected, customers in Report._read_group(
                [("team_id", "=", self.team.id), ("date", "=", self.month)],
                ["user_id"],
                [
                    "amount_target:sum",
                    "amount_sales:sum",
                    "amount_collected:sum",
                    "new_customers:sum",
                ],
            )
        }
        self.assertEqual(rows[self.seller], (5000.0, 42000.50, 10000.0, 1))
        self.assertEqual(rows[self.seller2], (5000.0, 7000.0, 0.0, 1))

        target = plan.target_ids.filtered(
            lambda t: t.user_id == self.seller and t.date == self.month
        )
        self.assertEqual(target.amount_sales, 42000.50)
        self.assertEqual(target.amount_collected, 10000.0)
        self.assertEqual(target.new_customers, 1)
        self.assertEqual(target.achievement, 840.0)
        self.assertEqual(target.amount_gap, 0.0)

        # The salesperson sees their own rows only; the Marketing VP sees everybody's.
        own = Report.with_user(self.seller).search([("team_id", "=", self.team.id)])
        self.assertEqual(own.user_id, self.seller)
        everybody = Report.with_user(self.vp).search([("team_id", "=", self.team.id)])
        self.assertEqual(everybody.user_id, self.seller | self.seller2)

    def test_dashboard_gap_per_remaining_working_day(self):
        self.approved_plan(self.today.year, 1200000.0)
        self.confirmed_order(self.month, amount=20000.0)
        action = self.env["sales.target"].with_user(self.seller).action_open_my_dashboard()
        target = self.env["sales.target"].with_user(self.seller).browse(action["res_id"])
        self.assertEqual(target.user_id, self.seller)
        self.assertEqual(target.date, self.month)
        self.assertEqual(target.amount_target, 50000.0)
        self.assertEqual(target.amount_gap, 30000.0)
        last = self.month.replace(day=calendar.monthrange(self.month.year, self.month.month)[1])
        days = [
            self.month + timedelta(days=n)
            for n in range((last - self.month).days + 1)
            if (self.month + timedelta(days=n)).weekday() < 5
        ]
        left = [day for day in days if day >= self.today]
        self.assertEqual(target.working_days, len(days))
        self.assertEqual(target.working_days_left, len(left))
        if left:
            self.assertAlmostEqual(target.gap_per_day, round(30000.0 / len(left), 2), places=2)
        gone = len(days) - len(left)
        if gone and left:
            self.assertAlmostEqual(
                target.amount_forecast, round(20000.0 / gone * len(days), 2), places=2
            )

    def test_no_target_lists_own_targets_with_the_reason(self):
        action = self.env["sales.target"].with_user(self.seller).action_open_my_dashboard()
        self.assertEqual(action["res_model"], "sales.target")
        self.assertFalse(action.get("res_id"))
        self.assertIn("no approved sales target", action["help"])

    def test_targets_of_unapproved_plans_are_not_in_the_report(self):
        plan = (
            self.env["sales.target.plan"]
            .with_user(self.manager)
            .create(
                {
                    "name": "draft",
                    "year": 2040,
                    "team_target_ids": [(0, 0, {"team_id": self.team.id, "amount": 1200.0})],
                }
            )
        )
        plan.action_split()
        self.assertFalse(
            self.env["sales.achievement.report"].search(
                [("team_id", "=", self.team.id), ("date", "=", date(2040, 1, 1))]
            )
        )
