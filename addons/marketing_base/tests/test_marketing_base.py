from odoo.exceptions import ValidationError
from odoo.tests import Form, HttpCase, TransactionCase, new_test_user, tagged


class TestMarketingBase(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.gm = new_test_user(
            cls.env, login="test_gm", groups="marketing_base.group_general_manager"
        )
        cls.vp = new_test_user(cls.env, login="test_vp", groups="marketing_base.group_marketing_vp")

    def test_general_manager_implies_marketing_vp(self):
        self.assertTrue(self.gm.has_group("marketing_base.group_marketing_vp"))
        self.assertTrue(self.gm.has_group("base.group_user"))
        self.assertFalse(self.vp.has_group("marketing_base.group_general_manager"))

    def test_root_menu_visible_to_each_role(self):
        root = self.env.ref("marketing_base.menu_root")
        for user in (self.gm, self.vp):
            visible = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
            self.assertIn(root.id, visible, user.login)
            settings = self.env.ref("marketing_base.res_config_settings_menu")
            self.assertNotIn(settings.id, visible, user.login)

    def test_budget_ceiling_defaults_to_three_percent(self):
        company = self.env["res.company"].create({"name": "新世界百货"})
        self.assertEqual(company.marketing_budget_ratio, 3.0)

    def test_budget_ceiling_out_of_range_is_refused(self):
        company = self.env.company
        before = company.marketing_budget_ratio
        for bad in (-1.0, 100.5):
            with self.assertRaisesRegex(ValidationError, "between 0 and 100"):
                with self.env.cr.savepoint():
                    company.marketing_budget_ratio = bad
                    company.flush_recordset()
        company.invalidate_recordset()
        self.assertEqual(company.marketing_budget_ratio, before)

    def test_settings_page_saves_budget_ceiling(self):
        with Form(self.env["res.config.settings"]) as settings:
            settings.marketing_budget_ratio = 2.5
        self.assertEqual(self.env.company.marketing_budget_ratio, 2.5)

    def test_root_menu_is_translated_to_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["marketing_base"], ["zh_CN"], overwrite=True
        )
        root = self.env.ref("marketing_base.menu_root").with_context(lang="zh_CN")
        self.assertEqual(root.name, "营销与销售运营")
        gm_group = self.env.ref("marketing_base.group_general_manager")
        self.assertEqual(gm_group.with_context(lang="zh_CN").name, "总经理")


@tagged("post_install", "-at_install")
class TestMarketingBaseTour(HttpCase):
    def test_general_manager_opens_root_menu(self):
        new_test_user(
            self.env,
            login="tour_gm",
            password="tour_gm_pw",
            groups="marketing_base.group_general_manager",
            lang="zh_CN",
        )
        self.start_tour("/odoo", "marketing_base_open_root_menu", login="tour_gm")
