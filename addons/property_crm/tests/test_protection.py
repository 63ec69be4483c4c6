from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import PropertyCrmCase


@tagged("post_install", "-at_install")
class TestCustomerProtection(PropertyCrmCase):
    """V2: protection periods at their day edges, renewal, collisions shown masked and
    logged on the owner's lead, the public pool and who sees what."""

    def visible(self, user, lead):
        return self.Lead.with_user(user).search([("id", "=", lead.id)])

    def test_call_protection_ends_on_its_sixteenth_day(self):
        with freeze_time("2026-03-01 03:00:00"):
            lead = self.register(self.consultant, kind="call")
        with freeze_time("2026-03-15 15:00:00"):
            lead.invalidate_recordset()
            self.assertEqual(lead.protection_days_left, 1)
            self.assertFalse(lead.in_pool)
            self.assertFalse(self.visible(self.consultant2, lead))
        with freeze_time("2026-03-16 01:00:00"):
            lead.invalidate_recordset()
            self.assertEqual(lead.protection_days_left, 0)
            self.assertTrue(lead.in_pool)
            self.assertEqual(self.visible(self.consultant2, lead), lead)

    def test_visit_protection_lasts_seven_days(self):
        with freeze_time("2026-03-01 03:00:00"):
            lead = self.register(self.consultant, kind="visit")
            self.assertEqual(lead.protection_until, date(2026, 3, 8))
        with freeze_time("2026-03-07 12:00:00"):
            lead.invalidate_recordset()
            self.assertFalse(lead.in_pool)
        with freeze_time("2026-03-08 01:00:00"):
            lead.invalidate_recordset()
            self.assertTrue(lead.in_pool)

    def test_answered_call_renews_missed_call_does_not(self):
        with freeze_time("2026-03-01 03:00:00"):
            lead = self.register(self.consultant, kind="visit")
        with freeze_time("2026-03-05 03:00:00"):
            self._followup(lead, "call", answered=False)
            self.assertEqual(
                lead.protection_until, date(2026, 3, 8), "a missed call renews nothing"
            )
            self.assertTrue(lead.activity_ids, "the follow-up is still due")
            self._followup(lead, "call", answered=True)
            self.assertEqual(lead.protection_until, date(2026, 3, 20))
            self.assertFalse(lead.activity_ids, "the follow-up is done")
        with freeze_time("2026-03-06 03:00:00"):
            self._followup(lead, "visit", answered=True)
            self.assertEqual(lead.protection_until, date(2026, 3, 20), "never shortened")
            self.assertEqual(len(lead.contact_ids), 4)
            with self.assertRaises(AccessError):
                self._followup(lead, "call", answered=True, user=self.consultant2)
            with self.assertRaisesRegex(UserError, "Only 李明 follows"):
                lead.with_user(self.consultant2).sudo()._log_followup("call", True)

    def _followup(self, lead, kind, answered, user=None):
        form = Form(
            self.env["property.lead.followup"]
            .with_user(user or self.consultant)
            .with_context(default_lead_id=lead.id)
        )
        form.contact_kind = kind
        if kind == "call":
            form.answered = answered
        form.save().action_log()

    def test_second_registration_is_logged_on_the_owner_masked(self):
        lead = self.register(self.consultant, phone="13800138000")
        desk = Form(self.env["property.lead.register"].with_user(self.consultant2))
        desk.project_id = self.project
        desk.phone = "+86 138-0013-8000"
        self.assertIn("138****8000", desk.collision_message)
        self.assertIn("李明", desk.collision_message)
        self.assertIn("15", desk.collision_message)
        self.assertNotIn("13800138000", desk.collision_message)
        self.assertNotIn("黄先生", desk.collision_message)
        self.assertEqual(
            self.Lead.with_user(self.consultant2).check_phone(self.project.id, "138 0013 8000"),
            {"owner": "李明", "days_left": 15, "phone": "138****8000", "in_pool": False},
        )
        lead_id = self.Lead.with_user(self.consultant2).register_contact(
            {
                "project_id": self.project.id,
                "contact_name": "黄晓明",
                "phone": "138 0013 8000",
                "contact_kind": "visit",
            }
        )
        self.assertEqual(lead_id, lead.id, "logged on the owner's lead")
        self.assertEqual(self.Lead.search_count([("phone_sanitized", "=", "+8613800138000")]), 1)
        self.assertEqual(lead.user_id, self.consultant)
        collision = lead.contact_ids.filtered("collision")
        self.assertEqual(collision.user_id, self.consultant2)
        self.assertEqual(collision.phone_display, "138****8000")
        # the colliding consultant sees their register line, without the owner's details
        line = (
            self.env["property.lead.contact"]
            .with_user(self.consultant2)
            .search([("project_id", "=", self.project.id)])
        )
        self.assertEqual(line, collision)
        self.assertFalse(line.budget or line.wanted_layout)
        with self.assertRaises(AccessError):
            self.Lead.with_user(self.consultant2).browse(lead.id).read(["phone"])
        self.assertIn("Collision", lead.message_ids[0].body)
        # another project is another register
        self.assertFalse(self.Lead.check_phone(self.other_project.id, "13800138000"))

    def test_direct_duplicate_create_is_refused_masked(self):
        self.register(self.consultant, phone="13800138000")
        with self.assertRaisesRegex(UserError, r"138\*\*\*\*8000 already belongs to 李明"):
            self.Lead.with_user(self.consultant2).create(
                {"name": "撞单", "project_id": self.project.id, "phone": "13800138000"}
            )

    def test_protection_and_owner_change_only_through_actions(self):
        lead = self.register(self.consultant).with_user(self.consultant)
        with self.assertRaisesRegex(UserError, "changes only through its actions"):
            lead.write({"protection_until": "2030-01-01"})
        with self.assertRaisesRegex(UserError, "belongs to 李明"):
            lead.write({"user_id": self.consultant2.id})
        with self.assertRaises(AccessError):
            lead.action_open_reassign()

    def test_pool_customer_taken_by_another_consultant(self):
        with freeze_time("2026-03-01 03:00:00"):
            lead = self.register(self.consultant, kind="visit")
        with freeze_time("2026-03-09 03:00:00"):
            pool = self.Lead.with_user(self.consultant2).search([("in_pool", "=", True)])
            self.assertEqual(pool, lead)
            with self.assertRaisesRegex(UserError, "take it from the pool"):
                self._followup(lead, "call", answered=True)
            pool.action_take_from_pool()
            self.assertEqual(lead.user_id, self.consultant2)
            self.assertEqual(lead.protection_until, date(2026, 3, 16))
            self.assertFalse(self.visible(self.consultant, lead))
            with self.assertRaisesRegex(UserError, "is not in the public pool"):
                lead.with_user(self.consultant2).action_take_from_pool()

    def test_pool_customer_registered_again_is_taken(self):
        with freeze_time("2026-03-01 03:00:00"):
            lead = self.register(self.consultant, kind="call")
        with freeze_time("2026-03-20 03:00:00"):
            self.assertEqual(
                self.Lead.with_user(self.consultant2).check_phone(self.project.id, "13800138000")[
                    "in_pool"
                ],
                True,
            )
            self.assertEqual(self.register(self.consultant2, kind="visit"), lead)
            self.assertEqual(lead.user_id, self.consultant2)
            self.assertEqual(lead.protection_until, date(2026, 3, 27))

    def test_manager_sees_both_sides_and_reassigns_with_reason(self):
        lead = self.register(self.consultant)
        self.register(self.consultant2, kind="visit")
        manager_lead = self.Lead.with_user(self.manager).browse(lead.id)
        self.assertEqual(manager_lead.phone, "13800138000")
        self.assertEqual(len(manager_lead.contact_ids), 2)
        wizard = Form(
            self.env["property.lead.reassign"]
            .with_user(self.manager)
            .with_context(default_lead_id=lead.id)
        )
        wizard.mode = "split"
        wizard.user_id = self.consultant2
        wizard.reason = "两人均有效接待"
        wizard.save().action_confirm()
        self.assertEqual(lead.split_user_id, self.consultant2)
        self.assertEqual(self.visible(self.consultant2, lead), lead)
        self.Lead.browse(lead.id).with_user(self.manager)._reassign(
            self.consultant2, "首次接待登记有误"
        )
        self.assertEqual(lead.user_id, self.consultant2)
        self.assertIn("首次接待登记有误", lead.message_ids[0].body)
        with self.assertRaisesRegex(UserError, "reason"):
            lead.with_user(self.manager)._reassign(self.consultant, " ")

    def test_secretary_keeps_the_whole_register(self):
        self.register(self.consultant)
        self.register(self.consultant2, phone="13900139000")
        leads = self.Lead.with_user(self.secretary).search([("project_id", "=", self.project.id)])
        self.assertEqual(len(leads), 2)
        lines = (
            self.env["property.lead.contact"]
            .with_user(self.secretary)
            .search([("project_id", "=", self.project.id)])
        )
        self.assertEqual(len(lines), 2)
        self.assertEqual(
            len(
                self.Lead.with_user(self.consultant).search([("project_id", "=", self.project.id)])
            ),
            1,
        )
