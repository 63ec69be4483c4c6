from odoo.tests import tagged

from .common import PropertySalesCase


@tagged("post_install", "-at_install")
class TestLockCost(PropertySalesCase):
    """A lock on a launch day costs what it must and nothing more (issue 15): the unit's
    row lock, the lock, its register line (U8), the unit's new state and the chart's bus
    notification — no chatter message, no follower, a fixed number of queries."""

    def test_lock_writes_the_register_not_the_chatter(self):
        self.lock(self.unit_named("1-0101"))  # warm the caches (groups, sequence, ...)
        unit = self.unit_named("1-0102")
        messages = self.env["mail.message"].search_count([])
        followers = self.env["mail.followers"].search_count([])
        with self.assertQueryCount(8):
            lock = self.lock(unit)
        self.assertEqual(unit.state, "locked")
        self.assertEqual(self.log_lines(unit).mapped("event"), ["lock"])
        self.assertEqual((lock.building_id, lock.project_id), (self.building, self.project))
        self.assertEqual(lock.company_id, unit.company_id)
        self.assertEqual(self.env["mail.message"].search_count([]), messages)
        self.assertEqual(self.env["mail.followers"].search_count([]), followers)
