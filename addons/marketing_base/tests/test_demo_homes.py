"""Every demo role starts on its own work: its home action is set and the user can open it
(search the records it lists as that user); the top-level menus of the suite have
distinct names in every language the suite ships."""

from odoo.tests import TransactionCase, new_test_user, tagged
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
    # the department store's cashier pays the supplier payment queue (按队列付款)
    (
        "mall_settlement.user_cashier",
        "mall_settlement.action_mall_settlement_payment_queue",
        "mall.settlement.statement",
    ),
    (
        "mall_consignment.user_buyer",
        "mall_brand_entry.action_mall_brand_application",
        "mall.brand.application",
    ),
    (
        "mall_consignment.user_marketing_assistant",
        "mall_promotion.action_mall_promotion",
        "mall.promotion",
    ),
    (
        "mall_consignment.user_contract_admin",
        "mall_consignment.action_mall_contract",
        "mall.contract",
    ),
    # the visual merchandiser and security review the fit-out drawings (the merchandiser
    # lands on the counter displays when brand entry is not installed)
    (
        "mall_consignment.user_visual_merchandiser",
        "mall_brand_entry.action_mall_fitout_review",
        "mall.fitout",
    ),
    ("mall_brand_entry.user_security", "mall_brand_entry.action_mall_fitout_review", "mall.fitout"),
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
    (
        "property_sales.demo_user_clerk",
        "property_sales.property_subscription_action",
        "property.subscription",
    ),
    (
        "property_sales.demo_user_service",
        "property_sales.property_subscription_action",
        "property.subscription",
    ),
    (
        "property_sales.demo_user_manager",
        "property_sales.property_subscription_request_action",
        "property.subscription.request",
    ),
    (
        "sales_framework.user_sales_manager",
        "sales_framework.sales_target_plan_action",
        "sales.target.plan",
    ),
    # the salesperson's dashboard is a server action opening this month's target
    *(
        (
            f"sales_framework.user_salesperson_{n}",
            "sales_framework.sales_target_action_my_dashboard",
            "sales.target",
        )
        for n in range(1, 5)
    ),
    *(
        (
            f"sales_framework.user_{job}_reviewer",
            "marketing_base.action_my_approvals",
            "mail.activity",
        )
        for job in ("finance", "production", "quality")
    ),
]

# The sections of the suite's app (营销与销售运营) each demo user sees: those of the job. With
# every suite module installed the set is exact; with some of them, the user sees no other.
MALL, BRANDS, MALL_SETUP, DISPLAYS = (
    "mall_consignment.menu_mall",
    "mall_consignment.menu_mall_brands",
    "mall_consignment.menu_mall_configuration",
    "mall_consignment.menu_mall_displays",
)
PROMOTIONS, SETTLEMENT = "mall_promotion.menu_promotion", "mall_settlement.menu_settlement"
PROPERTY, SALES = "property_sales.menu_property_sales", "sales_framework.menu_sales_framework"
MASTER_DATA = "marketing_base.menu_master_data"
MALL_STAFF = (MALL, PROMOTIONS, BRANDS, MASTER_DATA)
SALES_OFFICE = (PROPERTY, MASTER_DATA)
SALES_TEAM = (SALES, MASTER_DATA)
SECTIONS = {
    "marketing_base.user_general_manager": (
        *MALL_STAFF,
        SETTLEMENT,
        DISPLAYS,
        MALL_SETUP,
        PROPERTY,
        SALES,
    ),
    "marketing_base.user_marketing_vp": (*MALL_STAFF, SETTLEMENT, PROPERTY, SALES),
    "mall_consignment.user_marketing_head": (*MALL_STAFF, SETTLEMENT, DISPLAYS, MALL_SETUP),
    "mall_consignment.user_marketing_assistant": MALL_STAFF,
    "mall_consignment.user_buyer": MALL_STAFF,
    "mall_consignment.user_contract_admin": MALL_STAFF,
    "mall_consignment.user_floor_manager": MALL_STAFF,
    "mall_consignment.user_floor_accountant": (MALL, PROMOTIONS, SETTLEMENT, MASTER_DATA),
    # both cashiers are finance (account.group_account_invoice): the same sections
    "mall_settlement.user_cashier": (PROMOTIONS, SETTLEMENT, PROPERTY, MASTER_DATA),
    "mall_consignment.user_visual_merchandiser": (PROMOTIONS, DISPLAYS, MASTER_DATA),
    "mall_brand_entry.user_security": (DISPLAYS, MASTER_DATA),
    "property_sales.demo_user_consultant": SALES_OFFICE,
    "property_sales.demo_user_consultant2": SALES_OFFICE,
    "property_sales.demo_user_secretary": SALES_OFFICE,
    "property_sales.demo_user_clerk": SALES_OFFICE,
    "property_sales.demo_user_service": SALES_OFFICE,
    "property_sales.demo_user_manager": SALES_OFFICE,
    "property_sales.demo_user_cashier": (PROMOTIONS, SETTLEMENT, PROPERTY, MASTER_DATA),
    "sales_framework.user_sales_manager": SALES_TEAM,
    **{f"sales_framework.user_salesperson_{n}": SALES_TEAM for n in range(1, 5)},
    **{
        f"sales_framework.user_{job}_reviewer": SALES_TEAM
        for job in ("finance", "production", "quality")
    },
}
# The apps a demo user sees besides the suite's and those of every employee (Discuss, ...).
CRM, INVOICING = "crm.crm_menu_root", "account.menu_finance"
APPS = {
    **{
        xmlid: (CRM,)
        for xmlid, sections in SECTIONS.items()
        if sections in (SALES_OFFICE, SALES_TEAM)
    },
    "property_sales.demo_user_cashier": (INVOICING,),
    "mall_settlement.user_cashier": (INVOICING,),
}


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
            modules = {user_xmlid.split(".")[0], action_xmlid.split(".")[0]}
            if not all(self._installed(module) for module in modules):
                continue
            with self.subTest(user=user_xmlid):
                user = self.env.ref(user_xmlid)
                action = self.env.ref(action_xmlid)
                self.assertTrue(user.email, "a demo user has an e-mail address")
                self.assertEqual(user.action_id.id, action.id)
                # the user opens the home: the action is his to open and lists what he can read
                # (client actions such as the sales-control chart carry no groups)
                groups = action["groups_id"] if "groups_id" in action._fields else []
                self.assertTrue(
                    not groups or groups & user.groups_id,
                    "the home action is not restricted to groups the user lacks",
                )
                if action._name == "ir.actions.server":
                    # what the web client does with a server action: run it as the user
                    opened = action.with_user(user).run()
                    self.assertEqual(opened["type"], "ir.actions.act_window")
                    self.assertEqual(opened["res_model"], model)
                    domain = opened.get("domain") or []
                elif action._name == "ir.actions.act_window":
                    # the web client reads the action as the superuser, then the records
                    self.assertEqual(action.res_model, model)
                    safe_eval(action.context or "{}", {"uid": user.id})
                    domain = action.domain or []
                else:
                    domain = []
                if isinstance(domain, str):
                    domain = safe_eval(domain, {"uid": user.id})
                self.env[model].with_user(user).search(domain, limit=80)
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

    def _menus(self, user):
        """The apps and the suite's sections the web client shows the user, by xml id."""
        menus = self.env["ir.ui.menu"].with_user(user).load_menus(False)
        apps = {menus[i]["xmlid"] for i in menus["root"]["children"]}
        root = self.env.ref("marketing_base.menu_root").id
        sections = {menus[i]["xmlid"] for i in menus[root]["children"]} if root in menus else set()
        return apps, sections

    def test_each_role_sees_the_menus_of_its_job(self):
        whole_suite = not self.env["ir.module.module"].search_count(
            [("author", "=", "Marketing Suite Engineers"), ("state", "!=", "installed")]
        )
        employee = new_test_user(self.env, login="plain_employee", groups="base.group_user")
        every_employee, _sections = self._menus(employee)
        checked = 0
        for user_xmlid, expected in SECTIONS.items():
            user = self.env.ref(user_xmlid, raise_if_not_found=False)
            if not user:
                continue
            with self.subTest(user=user.login):
                apps, sections = self._menus(user)
                expected = {x for x in expected if self.env.ref(x, raise_if_not_found=False)}
                if whole_suite:
                    self.assertEqual(sections, expected)
                    self.assertEqual(
                        apps - every_employee - {"marketing_base.menu_root"},
                        set(APPS.get(user_xmlid, ())),
                    )
                else:
                    self.assertLessEqual(sections, expected)
                checked += 1
        self.assertGreaterEqual(checked, 2)
