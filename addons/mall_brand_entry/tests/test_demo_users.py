from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import EntryCase


@tagged("post_install", "-at_install")
class TestDemoUsers(EntryCase):
    """The demo data shows a board in progress and an approved swap; the roles act as
    their demo users (README logins)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.demo_gm = ref("marketing_base.user_general_manager")
        cls.demo_head = ref("mall_consignment.user_marketing_head")
        cls.demo_buyer = ref("mall_consignment.user_buyer")
        cls.demo_floor = ref("mall_consignment.user_floor_manager")
        cls.demo_visual = ref("mall_consignment.user_visual_merchandiser")
        cls.demo_security = ref("mall_brand_entry.user_security")

    def test_demo_board_and_swap(self):
        Application = self.env["mall.brand.application"]
        in_progress = Application.search([("state", "=", "board")])
        self.assertTrue(in_progress)
        application = in_progress[:1]
        decided = application.review_ids.filtered(lambda r: r.status == "approved")
        self.assertEqual(decided.done_by, self.demo_gm | self.demo_head)
        swap = Application.search(
            [("state", "=", "approved"), ("leaving_contract_id", "!=", False)]
        )
        self.assertEqual(swap[:1].exit_notice_id.reason, "one_in_one_out")
        self.assertTrue(self.env["mall.fixture.storage"].search([("state", "=", "stored")]))
        self.assertTrue(self.env["mall.elimination"].search([("state", "=", "proposed")]))

    def test_demo_users_vote_and_roles(self):
        application = self.env["mall.brand.application"].search([("state", "=", "board")])[:1]
        with self.refused(UserError, "no vote to cast"):
            application.with_user(self.demo_head)._validate_tier()
        application.with_user(self.demo_floor)._validate_tier()
        application.with_user(self.demo_buyer)._validate_tier()
        self.assertEqual(application.state, "approved")
        with self.assertRaises(AccessError):
            application.with_user(self.demo_visual).action_create_contract()
        entry = self.env["mall.elimination"].search([("state", "=", "proposed")])[:1]
        with self.assertRaises(AccessError):
            entry.with_user(self.demo_buyer).action_approve()
        entry.with_user(self.demo_head).action_approve()
        self.assertEqual(entry.state, "approved")
