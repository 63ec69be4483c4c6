"""Every demo role starts on its own work: its home action is set and the user can open it
(search the records it lists as that user); the top-level menus of the suite have
distinct names in every language the suite ships."""

from odoo.tests import TransactionCase, tagged
from odoo.tools.safe_eval import safe_eval

# demo user, its home action, the model the user lands on; the row applies as soon as the
# module owning the home action is installed (its demo data sets the home).
HOMES = [
    ("marketing_base.user_general_manager", "marketing_base.action_my_approvals", "mail.activity"),
    ("marketing_base.user_marketing_vp", "marketing_base.action_my_approvals", "mail.activity"),
    (
        "mall_consignment.user_floor_manager",
        "mall_consignment.action_mall_counter_my_floors",
        "mall.counter",
    ),
    (
        "mall_consignment.user_marketing_head",
        "mall_consignment.action_mall_contract",
        "mall.contract",
    ),
    (
        "mall_consignment.user_floor_accountant",
        "mall_settlement.action_mall_settlement_period",
        "mall.settlement.period",
    ),
    (
        "mall_consignment.user_buyer",
        "mall_brand_entry.action_mall_brand_application",
        "mall.brand.application",
    ),
    (
        "mall_consignment.user_visual_merchandiser",
        "mall_promotion.action_mall_ad_placement",
        "mall.ad.placement",
    ),
    # the sales-control chart (销控图) is a client action over the units
    (
        "property_sales.demo_user_secretary",
        "property_sales.property_sales_chart_action",
        "property.unit",
    ),
    (
        "property_sales.demo_user_cashier",
        "property_sales.property_deposit_action",
        "property.deposit",
    ),
    ("property_sales.demo_user_consultant", "property_crm.crm_lead_action_meeting", "crm.lead"),
    ("property_sales.demo_user_consultant2", "property_crm.crm_lead_action_meeting", "crm.lead"),
]


@tagged("post_install", "-at_install")
class TestDemoHomes(TransactionCase):
    def _installed(self, module):
        return bool(
            self.env["ir.module.module"].search_count(
                [("name", "=", module), ("state", "=", "installed")]
            )
        )

    def test_each_role_starts_on_its_work(self):
        checked = 0
        for user_xmlid, action_xmlid, model in HOMES:
            if not self._installed(action_xmlid.split(".")[0]):
                continue
            with self.subTest(user=user_xmlid):
                user = self.env.ref(user_xmlid)
                action = self.env.ref(action_xmlid)
                self.assertTrue(user.email, "a demo user has an e-mail address")
                self.assertEqual(user.action_id.id, action.id)
                if action._name == "ir.actions.act_window":
                    self.assertEqual(action.res_model, model)
                # the user opens the home: the action is his to open and lists what he can read
                # (client actions such as the sales-control chart carry no groups)
                groups = action["groups_id"] if "groups_id" in action._fields else []
                self.assertTrue(
                    not groups or groups & user.groups_id,
                    "the home action is not restricted to groups the user lacks",
                )
                records = self.env[model].with_user(user)
                domain = action.domain if action._name == "ir.actions.act_window" else "[]"
                records.search(safe_eval(domain or "[]", {"uid": user.id}), limit=80)
                checked += 1
        self.assertGreaterEqual(checked, 2)

    def test_top_level_menus_have_distinct_names(self):
        root = self.env.ref("marketing_base.menu_root")
        for lang in ("en_US", "zh_CN"):
            with self.subTest(lang=lang):
                menus = (
                    self.env["ir.ui.menu"]
                    .with_context(lang=lang)
                    .search([("parent_id", "=", root.id)])
                )
                names = menus.mapped("name")
                self.assertEqual(
                    len(names), len(set(names)), f"duplicate top-level menus in {lang}: {names}"
                )
