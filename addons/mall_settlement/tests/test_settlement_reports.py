from odoo.tests import tagged

from .common import SettlementCase


@tagged("post_install", "-at_install")
class TestSettlementReports(SettlementCase):
    def test_statement_pdf_html_and_period_xlsx(self):
        _contract, period, statement = self.worked_example()
        Report = self.env["ir.actions.report"]
        html, _type = Report._render_qweb_html(
            "mall_settlement.report_settlement_statement", statement.ids
        )
        html = html.decode()
        for label in (
            "结算单",
            "供应商",
            "期间",
            "销售额",
            "扣点",
            "让利分担",
            "费用明细",
            "应付金额",
        ):
            self.assertIn(label, html)
        self.assertIn("供应商签字/盖章", html)
        self.assertIn("60,500.00", html)
        content, report_type = Report._render(
            "mall_settlement.action_report_period_summary_xlsx", period.ids
        )
        self.assertEqual(report_type, "xlsx")
        self.assertTrue(content.startswith(b"PK"))
