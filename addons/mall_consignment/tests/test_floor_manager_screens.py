from odoo.exceptions import AccessError
from odoo.tests import Form, HttpCase, tagged
from odoo.tools.safe_eval import safe_eval

from .common import MallDemoCase


@tagged("post_install", "-at_install")
class TestFloorManagerScreens(MallDemoCase):
    """Issue 10: the Floor Manager's lists start on own floors (a filter he may remove),
    other floors' counters open read-only, and changing one says which counter and
    floor, not core's generic access message."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.floor_user = cls.demo["floor"]

    def default_domain(self, xmlid, user):
        """The domain of the search filters an action turns on by default."""
        action = self.env.ref(xmlid)
        context = safe_eval(action.context or "{}", {"uid": user.id})
        model = self.env[action.res_model].with_user(user)
        arch = model.get_views([(False, "search")])["views"]["search"]["arch"]
        filters = [
            name[len("search_default_") :]
            for name, value in context.items()
            if name.startswith("search_default_") and value
        ]
        self.assertEqual(filters, ["my_floors"])
        self.assertIn('name="my_floors"', arch)
        return [("floor_id.is_my_floor", "=", True)]

    def test_counters_and_ledger_default_to_own_floors(self):
        for xmlid, model in (
            ("mall_consignment.action_mall_counter", "mall.counter"),
            ("mall_consignment.action_mall_counter_my_floors", "mall.counter"),
            ("mall_consignment.action_mall_sale_line", "mall.sale.line"),
        ):
            with self.subTest(action=xmlid):
                domain = self.default_domain(xmlid, self.floor_user)
                records = self.env[model].with_user(self.floor_user).search(domain)
                self.assertTrue(records)
                self.assertIn(self.floor_user, records.floor_id.manager_ids)
                self.assertEqual(
                    records.floor_id.filtered(lambda f: self.floor_user not in f.manager_ids),
                    self.env["mall.floor"],
                )
        counters = self.env["mall.counter"].with_user(self.floor_user)
        own = counters.search([("floor_id.is_my_floor", "=", True)])
        self.assertIn(self.counter, own)
        self.assertNotIn(self.counter3, own)
        # The filter removed, every floor is listed (read).
        self.assertIn(self.counter3, counters.search([]))
        # The accountant's filter is her floors; the Marketing Head runs no floor and
        # the filter keeps every floor for him.
        accountant = self.env["mall.counter"].with_user(self.demo["accountant"])
        self.assertNotIn(self.counter3, accountant.search([("floor_id.is_my_floor", "=", True)]))
        head = self.env["mall.counter"].with_user(self.demo["head"])
        self.assertIn(self.counter3, head.search([("floor_id.is_my_floor", "=", True)]))
        self.assertFalse(head.search([("floor_id.is_my_floor", "=", False)]))

    def test_other_floors_counter_opens_read_only(self):
        own = self.counter.with_user(self.floor_user)
        other = self.counter3.with_user(self.floor_user)
        self.assertTrue(own.can_edit)
        self.assertFalse(other.can_edit)
        self.assertTrue(self.counter3.with_user(self.demo["head"]).can_edit)
        form = Form(other)
        with self.assertRaises(AssertionError):
            form.name = "改名"
        with self.assertRaises(AssertionError):
            form.area = 99
        with Form(own) as form:
            form.area = 42.5
        self.assertEqual(self.counter.area, 42.5)

    def test_changing_another_floors_counter_says_which(self):
        other = self.counter3.with_user(self.floor_user)
        with self.assertRaises(AccessError) as caught:
            other.write({"name": "改名"})
        message = str(caught.exception)
        self.assertIn("[TF3-01] 男装岛柜", message)
        self.assertIn("测试三层", message)
        self.assertNotIn("Due to security restrictions", message)
        self.assertEqual(self.counter3.name, "男装岛柜")


@tagged("post_install", "-at_install")
class TestFloorManagerTour(HttpCase):
    """The demo Floor Manager, from his home screen, finds his floor's counters only;
    removing the filter shows the others, which open read-only."""

    def test_floor_manager_home_shows_own_floors(self):
        floor_user = self.env.ref("mall_consignment.user_floor_manager")
        own = self.env["mall.counter"].search([("floor_id.manager_ids", "in", floor_user.id)])
        self.assertTrue(own)
        self.start_tour("/odoo", "mall_floor_manager_tour", login="floor")
