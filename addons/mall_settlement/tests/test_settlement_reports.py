from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.marketing_base.tests.common import pdf_text, render_pdf

from .common import SettlementCase


@tagged("post_install", "-at_install")
class TestSettlementReports(HttpCase, SettlementCase):
    """HttpCase: wkhtmltopdf fetches the report's assets from the test server, which
    shares the test transaction."""

    def test_statement_pdf_html_and_period_xlsx(self):
        _contract, period, statement = self.worked_example()
        Report = self.env["ir.actions.report"].with_context(lang="zh_CN")
        html, _type = Report._render_qweb_html(
            "mall_settlement.report_settlement_statement", statement.ids
        )
        html = html.decode()
        # The supplier reads Chinese (its language, else zh_CN): terms from zh_CN.po.
        for label in (
            "结算单",
            "供应商",
            "期间",
            "销售额",
            "扣点",
            "让利分担",
            "费用明细",
            "应付金额",
            "供应商签字/盖章",
        ):
            self.assertIn(label, html)
        self.assertIn("60,500.00", html)
        content, report_type = Report._render(
            "mall_settlement.action_report_period_summary_xlsx", period.ids
        )
        self.assertEqual(report_type, "xlsx")
        self.assertTrue(content.startswith(b"PK"))

    def test_supplier_renders_own_statement_through_wkhtmltopdf(self):
        _contract, _period, statement = self.worked_example()
        self.supplier.lang = "en_US"
        statement.with_user(self.accountant).action_send()
        contact = self.env["res.partner"].create({"name": "张丽", "parent_id": self.supplier.id})
        portal = new_test_user(
            self.env, login="ms_pdf_portal", groups="base.group_portal", partner_id=contact.id
        )
        # As the supplier's portal contact: its own statement renders (no contract access).
        pdf = render_pdf(
            self.env(user=portal), "mall_settlement.action_report_settlement_statement", statement
        )
        text = pdf_text(pdf)
        self.assertIn("Settlement Statement", text)
        self.assertIn("Payable amount", text)
        self.assertIn("60,500.00", text)
        self.assertIn(statement.name, text)
        self.assertIn(self.supplier.name, text.replace(" ", ""))
        # Another supplier's contact cannot render it.
        other = self.env["res.partner"].create({"name": "他人公司", "is_company": True})
        stranger = new_test_user(
            self.env,
            login="ms_pdf_stranger",
            groups="base.group_portal",
            partner_id=self.env["res.partner"].create({"name": "李四", "parent_id": other.id}).id,
        )
        with self.assertRaises(Exception) as caught:  # QWeb wraps the AccessError
            render_pdf(
                self.env(user=stranger),
                "mall_settlement.action_report_settlement_statement",
                statement,
            )
        self.assertIsInstance(caught.exception.__cause__ or caught.exception, AccessError)
