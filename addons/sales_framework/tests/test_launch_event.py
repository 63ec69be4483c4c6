from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import SalesFrameworkCase


class TestLaunchEvent(SalesFrameworkCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agencies = cls.env["res.partner"].create(
            [{"name": name, "is_company": True} for name in ("甲策划", "乙策划", "丙策划")]
        )
        cls.today = fields.Date.context_today(cls.env["sales.launch.event"])

    def new_event(self, launch_date, agencies=3):
        return (
            self.env["sales.launch.event"]
            .with_user(self.manager)
            .create(
                {
                    "name": "新品发布会",
                    "date_start": self.today,
                    "launch_date": launch_date,
                    "agency_ids": [
                        (0, 0, {"partner_id": agency.id, "pitch_fee": fee})
                        for agency, fee in zip(
                            self.agencies[:agencies], (20000.0, 18000.0, 15000.0), strict=False
                        )
                    ],
                }
            )
        )

    def test_launch_at_least_three_months_after_the_project_starts(self):
        earliest = self.today + relativedelta(months=3)
        with self.assertRaisesRegex(ValidationError, "at least 3 months"):
            self.new_event(earliest - timedelta(days=1))
        event = self.new_event(earliest)
        with self.assertRaisesRegex(ValidationError, "at least 3 months"):
            event.launch_date = earliest - timedelta(days=1)

    def test_three_agencies_pitch_one_chosen_every_pitch_paid(self):
        launch = self.today + relativedelta(months=4)
        two = self.new_event(launch, agencies=2)
        with self.assertRaisesRegex(UserError, "exactly 3 agencies"):
            two.action_engage_agencies()
        event = self.new_event(launch)
        with self.assertRaises(AccessError):
            event.with_user(self.seller).action_engage_agencies()
        event.action_engage_agencies()
        self.assertEqual(event.state, "pitching")
        self.assertEqual(event.date_engaged, self.today)
        self.assertEqual(event.proposal_due_date, self.today + timedelta(days=21))
        proposals = event.activity_ids.filtered(lambda a: "First proposal" in a.summary)
        self.assertEqual(len(proposals), 3)
        self.assertEqual(set(proposals.mapped("date_deadline")), {self.today + timedelta(days=21)})

        first, second, third = event.agency_ids.sorted("id")
        first.date_proposal = self.today + timedelta(days=20)
        second.date_proposal = self.today + timedelta(days=22)
        self.assertFalse(first.proposal_late)
        self.assertTrue(second.proposal_late)
        with self.assertRaisesRegex(UserError, "has not pitched"):
            third.action_choose()
        with self.assertRaises(UserError):
            first.pitch_fee = 1.0
        second.action_choose()
        self.assertEqual(event.state, "preparation")
        self.assertEqual(event.chosen_agency_id, second)
        # Every agency that pitched is billed, chosen or not; the one that did not is not.
        bills = event.bill_ids
        self.assertEqual(len(bills), 2)
        self.assertEqual(set(bills.mapped("state")), {"posted"})
        self.assertEqual(set(bills.mapped("move_type")), {"in_invoice"})
        self.assertEqual(first.bill_id.amount_total, 20000.0)
        self.assertEqual(second.bill_id.amount_total, 18000.0)
        self.assertFalse(third.bill_id)
        checklist = event.activity_ids.filtered(lambda a: "proposal" not in a.summary)
        by_summary = {a.summary: a.date_deadline for a in checklist}
        self.assertEqual(
            sorted(s for s in by_summary if s.startswith("On-site video")),
            ["On-site video 1", "On-site video 2", "On-site video 3", "On-site video 4"],
        )
        self.assertEqual(by_summary["Rehearsal"], launch - timedelta(days=1))
        self.assertEqual(
            by_summary["Media and influencer invitation list"], launch - timedelta(days=30)
        )
        self.assertEqual(by_summary["Venue booked"], launch - timedelta(days=45))
        with self.assertRaises(UserError):
            event.with_user(self.manager).write({"state": "done", "launch_date": date(2099, 1, 1)})
