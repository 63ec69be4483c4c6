from datetime import timedelta

from psycopg2 import IntegrityError

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tools import mute_logger

from .common import PropertySalesCase


class TestUnitLock(PropertySalesCase):
    def test_units_generated_floors_times_positions_priced_by_floor(self):
        self.assertEqual(len(self.units), 6)
        self.assertEqual(
            sorted(self.units.mapped("name")),
            ["1-0101", "1-0102", "1-0201", "1-0202", "1-0301", "1-0302"],
        )
        # 128.37 m² × (18,500 + 2 × 150) = 2,413,356.00
        self.assertEqual(self.unit_named("1-0301").list_price, 2413356.00)
        # 89.05 m² × 18,800 = 1,674,140.00
        self.assertEqual(self.unit_named("1-0102").list_price, 1674140.00)
        self.assertEqual(self.unit_named("1-0102").layout, "2室2厅1卫")
        # generating again adds nothing
        self.building.action_generate_units()
        self.assertEqual(self.building.unit_count, 6)

    def test_secretary_locks_available_unit(self):
        before = fields.Datetime.now()
        lock = self.lock(self.unit)
        self.assertEqual(lock.state, "active")
        self.assertEqual(lock.locked_by, self.secretary)
        self.assertEqual(lock.partner_id, self.customer)
        self.assertEqual(lock.id_number, "110101199001011237")
        self.assertEqual(lock.date_expiry - lock.date_lock, timedelta(hours=24))
        self.assertGreaterEqual(lock.date_lock, before.replace(microsecond=0))
        self.assertEqual(self.unit.state, "locked")
        self.assertEqual(self.unit.active_lock_id, lock)
        log = self.log_lines(self.unit)
        self.assertEqual(log.mapped("event"), ["lock"])
        self.assertEqual(log.user_id, self.secretary)
        self.assertEqual(log.lock_id, lock)
        self.assertEqual(log.partner_id, self.customer)

    def test_lock_validity_follows_project(self):
        self.project.lock_validity_hours = 48
        lock = self.lock(self.unit)
        self.assertEqual(lock.date_expiry - lock.date_lock, timedelta(hours=48))

    def test_consultant_cannot_lock_but_may_ask(self):
        """U5: refused on the server, whatever the client shows."""
        with self.assertRaisesRegex(AccessError, "李明 may ask for a lock"):
            self.unit.with_user(self.consultant).lock_unit(
                self.customer.id, id_number="110101199001011237"
            )
        self.assertEqual(self.unit.state, "available")
        self.assertFalse(self.unit.lock_ids)
        self.assertFalse(self.log_lines(self.unit))
        action = self.unit.with_user(self.consultant).action_request_lock()
        self.assertEqual(action["res_model"], "property.unit.lock.request")
        self.assertEqual(action["context"], {"default_unit_id": self.unit.id})

    def test_customer_service_and_manager_cannot_lock(self):
        for user in (self.service, self.manager, self.cashier):
            with self.assertRaises(AccessError, msg=user.login):
                self.unit.with_user(user).lock_unit(self.customer.id, id_number="1101")
        self.assertEqual(self.unit.state, "available")

    def test_clerk_lock_notifies_marketing_manager(self):
        """U3: the clerk may lock in the secretary's absence; the manager knows at once."""
        lock = self.lock(self.unit, user=self.clerk)
        self.assertEqual(lock.locked_by, self.clerk)
        activity = lock.activity_ids.filtered(lambda a: a.user_id == self.manager)
        self.assertIn("陈静", activity.summary)
        self.assertIn("1-0101", activity.summary)
        # a secretary's lock does not disturb the manager
        other = self.lock(self.unit_named("1-0102"))
        self.assertFalse(other.activity_ids)

    def test_lock_needs_deposit_or_id_card(self):
        """U4"""
        with self.assertRaisesRegex(UserError, "deposit received or the ID number"):
            self.lock(self.unit, id_number="  ")
        self.assertEqual(self.unit.state, "available")
        self.assertFalse(self.unit.lock_ids)

    def test_lock_on_unpaid_deposit_refused(self):
        deposit = self.env["property.deposit"].create(
            {"project_id": self.project.id, "partner_id": self.customer.id, "amount": 50000}
        )
        with self.assertRaisesRegex(UserError, "has not been received"):
            self.lock(self.unit, id_number=None, deposit_id=deposit.id)
        self.assertEqual(self.unit.state, "available")

    def test_lock_on_paid_deposit(self):
        deposit = self.paid_deposit()
        lock = self.lock(self.unit, id_number=None, deposit_id=deposit.id)
        self.assertEqual(lock.deposit_id, deposit)
        self.assertEqual(lock.consultant_id, self.consultant)
        with self.assertRaisesRegex(UserError, "paid by 黄晓明, not by 周杰"):
            self.lock(
                self.unit_named("1-0102"),
                partner=self.customer2,
                id_number=None,
                deposit_id=deposit.id,
            )

    def test_second_lock_gets_clear_error_naming_holder(self):
        """U6"""
        lock = self.lock(self.unit)
        with self.assertRaisesRegex(UserError, r"Unit 1-0101 is already locked by 王芳 at "):
            self.lock(self.unit, user=self.clerk, partner=self.customer2)
        self.assertEqual(self.unit.lock_ids, lock)
        self.assertEqual(self.log_lines(self.unit).mapped("event"), ["lock"])

    def test_withheld_and_sold_units_cannot_be_locked(self):
        self.unit.with_user(self.manager).action_withhold()
        with self.assertRaisesRegex(UserError, "Unit 1-0101 is Withheld and cannot be locked"):
            self.lock(self.unit)
        self.assertFalse(self.unit.lock_ids)
        self.unit.with_user(self.manager).action_make_available()
        self.assertEqual(
            self.log_lines(self.unit).mapped("event"), ["withhold", "release_withheld"]
        )
        self.lock(self.unit)

    def test_database_refuses_two_active_locks(self):
        """U6 in PostgreSQL: even a write that bypasses lock_unit cannot create a second
        active lock."""
        lock = self.lock(self.unit)
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            with self.env.cr.savepoint():
                lock.sudo().copy({"date_lock": lock.date_lock, "name": "dup"})
        self.assertEqual(len(self.unit.lock_ids), 1)

    def test_unit_state_cannot_be_written_directly(self):
        with self.assertRaisesRegex(UserError, "state|State"):
            self.unit.with_user(self.manager).write({"state": "delivered"})
        self.assertEqual(self.unit.state, "available")

    def test_secretary_releases_lock(self):
        lock = self.lock(self.unit)
        with self.assertRaises(AccessError):
            lock.with_user(self.consultant).action_release()
        lock.with_user(self.secretary).action_release()
        self.assertEqual(lock.state, "released")
        self.assertEqual(lock.ended_by, self.secretary)
        self.assertEqual(self.unit.state, "available")
        self.assertEqual(self.log_lines(self.unit).mapped("event"), ["lock", "release"])
        with self.assertRaisesRegex(UserError, "only an active lock can be released"):
            lock.with_user(self.secretary).action_release()
        # the unit can be locked again for someone else
        self.lock(self.unit, partner=self.customer2)

    def test_cron_releases_expired_locks_once(self):
        """U7: idempotent and logged."""
        expired = self.lock(self.unit)
        fresh = self.lock(self.unit_named("1-0102"))
        expired.sudo().write({"date_expiry": fields.Datetime.now() - timedelta(minutes=1)})
        Lock = self.env["property.unit.lock"]
        self.assertEqual(Lock._cron_release_expired(), 1)
        self.assertEqual(expired.state, "expired")
        self.assertEqual(fresh.state, "active")
        self.assertEqual(self.unit.state, "available")
        self.assertEqual(self.log_lines(self.unit).mapped("event"), ["lock", "expire"])
        self.assertEqual(Lock._cron_release_expired(), 0)
        self.assertEqual(self.log_lines(self.unit).mapped("event"), ["lock", "expire"])

    def test_cron_is_scheduled(self):
        cron = self.env.ref("property_sales.ir_cron_release_expired_locks")
        self.assertTrue(cron.active)
        self.assertEqual(cron.code, "model._cron_release_expired()")

    def test_nobody_creates_a_lock_without_lock_unit(self):
        with self.assertRaises(UserError):  # no access, or refused by the workflow guard
            self.env["property.unit.lock"].with_user(self.secretary).create(
                {
                    "unit_id": self.unit.id,
                    "partner_id": self.customer.id,
                    "locked_by": self.secretary.id,
                    "date_lock": fields.Datetime.now(),
                    "date_expiry": fields.Datetime.now(),
                }
            )

    def test_lock_error_in_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["property_sales"], ["zh_CN"], overwrite=True
        )
        self.lock(self.unit)
        self.clerk.lang = "zh_CN"
        with self.assertRaisesRegex(UserError, "房源 1-0101 已被 王芳 于 .* 销控"):
            self.unit.with_user(self.clerk).with_context(lang="zh_CN").lock_unit(
                self.customer2.id, id_number="110101199001011237"
            )
