from datetime import date, timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import PropertyCrmCase


@tagged("post_install", "-at_install")
class TestVisitorRegister(PropertyCrmCase):
    """V1: calls and visits registered as leads of the project, with their register line
    and the follow-up call due to the consultant."""

    @freeze_time("2026-03-02 02:00:00")
    def test_call_registered_as_protected_lead_with_followup(self):
        lead = self.register(
            self.consultant,
            budget=2000000,
            wanted_layout="3室2厅2卫",
            wanted_area=128.37,
            appointment_at="2026-03-04 06:00:00",
        )
        self.assertEqual(lead.project_id, self.project)
        self.assertEqual(lead.user_id, self.consultant)
        self.assertEqual(lead.contact_kind, "call")
        self.assertEqual(lead.type, "opportunity")
        self.assertEqual(lead.budget, 2000000)
        self.assertEqual(lead.registration_date, date(2026, 3, 2))
        self.assertEqual(lead.protection_until, date(2026, 3, 17))
        self.assertEqual(lead.protection_days_left, 15)
        self.assertFalse(lead.in_pool)
        self.assertEqual(lead.phone_sanitized, "+8613800138000")
        line = lead.contact_ids
        self.assertEqual(len(line), 1)
        self.assertTrue(line.registration and line.effective)
        self.assertEqual((line.user_id, line.source_id), (self.consultant, self.source))
        self.assertEqual(line.phone_display, "13800138000")
        followup = lead.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref("property_crm.mail_activity_followup")
        )
        self.assertEqual(followup.user_id, self.consultant)
        self.assertEqual(followup.date_deadline, date(2026, 3, 3), "due within 24 hours")

    def test_register_through_the_desk_form(self):
        form = Form(self.env["property.lead.register"].with_user(self.consultant))
        form.project_id = self.project
        form.contact_kind = "visit"
        form.contact_name = "周女士"
        form.phone = "139 0013 9001"
        form.source_id = self.source
        form.wanted_layout = "2室2厅1卫"
        self.assertFalse(form.collision_message)
        action = form.save().action_register()
        lead = self.Lead.browse(action["res_id"])
        self.assertEqual(lead.with_user(self.consultant).contact_name, "周女士")
        self.assertEqual(lead.protection_until, lead.registration_date + timedelta(days=7))
        self.assertEqual(self.project.lead_count, 1)

    def test_project_periods_are_configurable(self):
        self.project.write({"call_protection_days": 20, "followup_hours": 48})
        lead = self.register(self.consultant)
        # read in the consultant's time zone, as the registration's day was taken
        self.assertEqual(lead.with_user(self.consultant).protection_days_left, 20)
        self.assertEqual(
            lead.activity_ids.date_deadline, lead.registration_date + timedelta(days=2)
        )

    def test_secretary_registers_for_a_consultant_not_a_consultant_for_another(self):
        lead = self.register(self.secretary, user_id=self.consultant.id)
        self.assertEqual(lead.user_id, self.consultant)
        with self.assertRaises(AccessError):
            self.register(self.consultant2, phone="13700137000", user_id=self.consultant.id)

    def test_bad_registrations_are_refused_naming_the_field(self):
        with self.assertRaisesRegex(UserError, "valid phone number for 黄先生"):
            self.register(self.consultant, phone="12")
        with self.assertRaisesRegex(UserError, "called or visited"):
            self.register(self.consultant, kind="email")
        with self.assertRaisesRegex(UserError, "Unknown registration field"):
            self.register(self.consultant, protection_until="2030-01-01")
        with self.assertRaises(AccessError):
            self.register(self.cashier)

    def test_lead_shows_its_deposit_lock_and_subscription(self):
        lead = self.register(self.consultant, phone="13800138000")
        lead.with_user(self.consultant).write({"partner_id": self.customer.id})
        deposit = self.paid_deposit(unit=self.unit)
        self.lock(self.unit, deposit_id=deposit.id)
        subscription = (
            self.env["property.subscription"]
            .with_user(self.consultant)
            .create({"unit_id": self.unit.id, "partner_id": self.customer.id})
        )
        self.assertEqual(subscription.lead_id, lead)
        subscription.action_confirm()
        lead.invalidate_recordset()
        self.assertEqual((lead.deposit_count, lead.lock_count, lead.subscription_count), (1, 1, 1))
        self.assertTrue(lead.stage_id.is_won, "a subscription wins the lead")
        self.assertFalse(lead.in_pool)

    def test_register_paper_form_prints_the_day(self):
        self.register(self.consultant, wanted_layout="3室2厅2卫")
        self.register(self.consultant2, phone="13900139000", name="周杰", kind="visit")
        lines = self.env["property.lead.contact"].search([("project_id", "=", self.project.id)])
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("property_crm.property_lead_contact_report", lines.ids)[0]
            .decode()
        )
        self.assertIn("来电/来访客户登记表", html)
        self.assertIn("黄先生", html)
        self.assertIn("周杰", html)
        self.assertIn("3室2厅2卫", html)
