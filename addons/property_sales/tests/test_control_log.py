from odoo.exceptions import AccessError, UserError

from .common import PropertySalesCase


class TestControlLog(PropertySalesCase):
    """U8: append-only register."""

    def setUp(self):
        super().setUp()
        self.lock(self.unit)
        self.entry = self.log_lines(self.unit)

    def test_register_cannot_be_edited_even_by_superuser(self):
        admin = self.env.ref("base.user_admin")
        for entry in (self.entry.sudo(), self.entry.with_user(admin).sudo()):
            with self.assertRaisesRegex(UserError, "cannot be edited"):
                entry.write({"note": "改一下"})
        self.assertFalse(self.entry.note)

    def test_register_cannot_be_deleted_even_by_superuser(self):
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            self.entry.sudo().unlink()
        self.assertTrue(self.entry.exists())

    def test_users_only_read_the_register(self):
        for user in (self.secretary, self.manager):
            entry = self.entry.with_user(user)
            self.assertEqual(entry.event, "lock")
            for operation in ("write", "create", "unlink"):
                with self.assertRaises(AccessError, msg=f"{user.login} {operation}"):
                    entry.check_access(operation)
            with self.assertRaisesRegex(UserError, "cannot be edited"):
                entry.write({"note": "x"})
            with self.assertRaisesRegex(UserError, "cannot be deleted"):
                entry.unlink()

    def test_register_not_created_outside_business_methods(self):
        with self.assertRaisesRegex(UserError, "written by the system only"):
            self.env["property.control.log"].sudo().create(
                {
                    "event": "release",
                    "unit_id": self.unit.id,
                    "date": "2026-01-01 00:00:00",
                    "user_id": self.secretary.id,
                    "company_id": self.env.company.id,
                }
            )
        self.assertEqual(len(self.log_lines(self.unit)), 1)

    def test_register_rolls_back_with_the_change(self):
        """Same transaction: a failed step leaves neither the change nor its entry."""
        other = self.unit_named("1-0102")
        with self.assertRaises(UserError), self.env.cr.savepoint():
            lock = self.lock(other)
            lock.with_user(self.secretary).action_release()
            lock.with_user(self.secretary).action_release()
        self.env.invalidate_all()
        self.assertEqual(other.state, "available")
        self.assertFalse(self.log_lines(other))
