from datetime import timedelta

from odoo import fields

from .common import SalesFrameworkCase


class TestKeyAccounts(SalesFrameworkCase):
    def test_visits_planned_at_the_frequency_and_logged_when_done(self):
        today = fields.Date.context_today(self.env["sales.key.account.plan"])
        plan = (
            self.env["sales.key.account.plan"]
            .with_user(self.seller)
            .create(
                {
                    "partner_id": self.customer.id,
                    "visit_interval": 14,
                    "date_start": today - timedelta(days=20),
                    "goals": "年采购额提升20%",
                    "contact_ids": [(6, 0, [self.customer2.id])],
                }
            )
        )
        self.assertEqual(self.customer.account_class, "key")
        visit = plan._visit_activities()
        self.assertEqual(len(visit), 1)
        self.assertEqual(visit.date_deadline, today - timedelta(days=6))
        self.assertEqual(visit.user_id, self.seller)
        # Overdue: the manager's list shows it.
        overdue = (
            self.env["sales.key.account.plan"]
            .with_user(self.manager)
            .search([("visit_overdue", "=", True), ("id", "=", plan.id)])
        )
        self.assertEqual(overdue, plan)
        self.assertFalse(
            self.env["sales.key.account.plan"]
            .with_user(self.seller2)
            .search([("id", "=", plan.id)]),
            "another salesperson does not see the key account",
        )

        visit.with_user(self.seller).action_feedback(feedback="拜访采购部王经理")
        self.assertEqual(len(plan.visit_ids), 1)
        self.assertEqual(plan.visit_ids.date, today)
        self.assertEqual(plan.visit_ids.date_planned, today - timedelta(days=6))
        self.assertIn("王经理", plan.visit_ids.note)
        self.assertEqual(plan.last_visit_date, today)
        next_visit = plan._visit_activities()
        self.assertEqual(len(next_visit), 1)
        self.assertEqual(next_visit.date_deadline, today + timedelta(days=14))
        self.assertFalse(plan.visit_overdue)

        plan.visit_interval = 7
        self.assertEqual(plan._visit_activities().date_deadline, today + timedelta(days=7))
        self.env["sales.key.account.plan"]._cron_schedule_visits()
        self.assertEqual(len(plan._visit_activities()), 1, "the cron does not duplicate it")

    def test_missing_market_feedback_is_reminded(self):
        Feedback = self.env["sales.market.feedback"]
        today = fields.Date.context_today(Feedback)
        previous = Feedback._period_start(Feedback._period_start(today) - timedelta(days=1))
        Feedback.with_user(self.seller).create(
            {"date": previous, "competitor_moves": "竞品降价5%", "prices_seen": "3900元"}
        )
        self.seller2.lang = "zh_CN"  # the scheduler runs without a language: the reader's
        Feedback._cron_remind_missing()
        reminded = self.env["mail.activity"].search(
            [("summary", "like", str(previous)), ("res_model", "=", "res.partner")]
        )
        self.assertIn(self.seller2, reminded.user_id)
        self.assertEqual(
            reminded.filtered(lambda a: a.user_id == self.seller2).summary,
            f"缺少 {previous} 的市场反馈",
        )
        self.assertNotIn(self.seller, reminded.user_id)
        Feedback._cron_remind_missing()
        self.assertEqual(
            len(
                self.env["mail.activity"].search(
                    [("summary", "like", str(previous)), ("user_id", "=", self.seller2.id)]
                )
            ),
            1,
        )
