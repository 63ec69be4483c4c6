from odoo.tests import HttpCase, tagged

from odoo.addons.marketing_base.tests.common import pdf_text

from .common import MallDemoCase

REPORT = "mall_consignment.action_report_mall_contract"


@tagged("post_install", "-at_install")
class TestContractReport(HttpCase, MallDemoCase):
    """The contract PDF in three copies, rendered by wkhtmltopdf in the reader's
    language: English source strings, Chinese from zh_CN.po."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contract_a = cls.signed_contract()
        cls.env["res.lang"]._activate_lang("zh_CN")

    def render(self, user, lang):
        user.lang = lang
        pdf, _type = (
            self.env["ir.actions.report"]
            .with_user(user)
            .with_context(force_report_rendering=True, lang=lang)
            ._render_qweb_pdf(REPORT, self.contract_a.ids)
        )
        self.assertTrue(pdf.startswith(b"%PDF"), pdf[:300])
        return pdf_text(pdf)

    def test_chinese_reader_prints_chinese(self):
        text = self.render(self.demo["head"], "zh_CN")
        for copy in (1, 2, 3):
            self.assertIn(f"第 {copy} 份，共 3 份", text)
        self.assertIn("联营专柜合同", text)
        self.assertIn("合同编号", text)
        self.assertNotIn("Copy 1 of 3", text)
        self.assertIn(self.contract_a.name, text)

    def test_english_reader_prints_english(self):
        text = self.render(self.demo["contracts"], "en_US")
        for copy in (1, 2, 3):
            self.assertIn(f"Copy {copy} of 3", text)
        self.assertIn("Joint-Operation Counter Contract", text)
        self.assertNotIn("联营专柜合同", text)
        self.assertIn("GB/T 2660-2017", text)

    def test_state_in_force_and_archive_flag_are_separate_terms(self):
        env = self.env(context={"lang": "zh_CN"})
        state = dict(env["mall.contract"]._fields["state"]._description_selection(env))
        active = env["mall.counter"]._fields["active"].get_description(env)["string"]
        self.assertNotEqual(state["active"], active)
        en = dict(self.env["mall.contract"]._fields["state"]._description_selection(self.env))
        self.assertEqual(en["active"], "In Force")
