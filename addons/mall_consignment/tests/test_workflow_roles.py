from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from odoo.addons.marketing_base.tests.common import assert_refused

from .common import MallDemoCase

FLOOR = "mall_consignment.group_floor_manager"
BUYER = "mall_consignment.group_buyer"
ADMIN = "mall_consignment.group_contract_admin"
HEAD = "mall_consignment.group_marketing_head"


@tagged("post_install", "-at_install")
class TestWorkflowRoles(MallDemoCase):
    """Issue 9: workflow states move only through the actions, each action checks its
    role on the server — as every mall demo user over the ORM."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.draft = cls.contract(counter_ids=[(6, 0, cls.counter_b.ids)])
        cls.review = cls.contract(counter_ids=[(6, 0, cls.counter_b.ids)])
        cls.review.action_submit()
        cls.active = cls.signed_contract(termination_reason="撤柜")
        cls.amendment = cls.env["mall.contract.amendment"].create(
            {
                "contract_id": cls.active.id,
                "date_effective": date(2026, 6, 1),
                "reason": "扣点调整",
                "supplier_stamped": True,
            }
        )
        cls.request = cls.env["mall.product.request"].create(
            {
                "counter_id": cls.counter.id,
                "contract_id": cls.active.id,
                "product_name": "丝语 真丝衬衫",
                "list_price": 1680.0,
            }
        )
        cls.notice = cls.env["mall.replenishment"].create(
            {
                "counter_id": cls.counter.id,
                "contract_id": cls.active.id,
                "date_needed": date(2026, 3, 10),
                "line_ids": [(0, 0, {"product_id": cls.product.id, "quantity": 5})],
            }
        )
        # (record, button, groups of the view's button)
        cls.buttons = [
            (cls.draft, "action_submit", (BUYER, ADMIN)),
            (cls.review, "action_reset_draft", (ADMIN,)),
            (cls.review, "action_sign", (HEAD,)),
            (cls.active, "action_terminate", (HEAD,)),
            (cls.active, "action_send_expiry_reminder", (ADMIN,)),
            (cls.amendment, "action_sign", (HEAD,)),
            (cls.amendment, "action_cancel", (ADMIN,)),
            (cls.request, "action_request", (FLOOR,)),
            (cls.request, "action_check_quality", (HEAD,)),
            (cls.request, "action_check_price", (HEAD,)),
            (cls.request, "action_reset_draft", (FLOOR,)),
            (cls.request, "action_refuse", (BUYER,)),
            (cls.notice, "action_send", (FLOOR, HEAD)),
            (cls.notice, "action_done", (FLOOR, BUYER)),
            (cls.notice, "action_cancel", (FLOOR, BUYER)),
        ]

    def test_buttons_outside_the_users_groups_are_refused(self):
        for login, user in self.demo.items():
            for record, method, groups in self.buttons:
                if any(user.has_group(group) for group in groups):
                    continue
                with self.subTest(user=login, model=record._name, button=method):
                    with assert_refused(self, record, exc=AccessError):
                        getattr(record.with_user(user), method)()

    def test_direct_state_writes_are_refused_for_everyone(self):
        targets = [
            (self.draft, {"state": "active"}),
            (self.active, {"state": "draft"}),
            (self.active, {"signed_by_id": False}),
            (self.amendment, {"state": "signed"}),
            (self.request, {"state": "reviewed"}),
            (self.request, {"quality_checked": True}),
            (self.notice, {"state": "done"}),
        ]
        for login, user in self.demo.items():
            for record, vals in targets:
                with self.subTest(user=login, model=record._name, vals=vals):
                    with assert_refused(self, record, exc=UserError):
                        record.with_user(user).write(vals)

    def test_refusal_names_the_action(self):
        # The hint names the buttons in the user's language (the demo users read Chinese).
        with self.assertRaisesRegex(UserError, "Sign|签订"):
            self.review.with_user(self.demo["head"]).write({"state": "active"})
        with self.assertRaisesRegex(UserError, "Quality Reviewed|质量已审核"):
            self.request.with_user(self.demo["head"]).write({"quality_checked": True})

    def test_create_in_a_later_state_is_refused(self):
        Contract = self.env["mall.contract"].with_user(self.demo["contracts"])
        with self.assertRaisesRegex(UserError, "Sign|签订"):
            Contract.create(
                {
                    "partner_id": self.supplier.id,
                    "brand_id": self.brand.id,
                    "date_start": date(2026, 1, 1),
                    "date_end": date(2026, 12, 31),
                    "state": "active",
                }
            )
        Request = self.env["mall.product.request"].with_user(self.demo["floor"])
        with self.assertRaises(UserError):
            Request.create(
                {
                    "counter_id": self.counter.id,
                    "contract_id": self.active.id,
                    "product_name": "x",
                    "list_price": 1.0,
                    "state": "reviewed",
                }
            )

    def test_the_context_key_of_old_no_longer_opens_signed_terms(self):
        """A buyer changed the commission rate of a signed contract with
        {'mall_amendment_apply': True}."""
        buyer = self.demo["buyer"]
        contract = self.active.with_user(buyer).with_context(mall_amendment_apply=True)
        with assert_refused(self, self.active, exc=UserError):
            contract.write({"commission_rate": 1.0})
        with assert_refused(self, self.active, exc=UserError):
            contract.write({"sponsorship_frequency": "once"})

    def test_partner_buttons_need_a_mall_role(self):
        outsider = new_test_user(self.env, login="mc_outsider", groups="base.group_user")
        for method in ("action_open_mall_contracts", "action_open_mall_documents"):
            with self.subTest(method=method), self.assertRaises(AccessError):
                getattr(self.supplier.with_user(outsider), method)()
            action = getattr(self.supplier.with_user(self.demo["visual"]), method)()
            self.assertEqual(action["type"], "ir.actions.act_window")
