from datetime import date

from odoo.tests import HttpCase, tagged

from odoo.addons.marketing_base.tests.common import pdf_text, render_pdf

from .common import PromotionCase


@tagged("post_install", "-at_install")
class TestPromotionStatementPdf(HttpCase, PromotionCase):
    """The statement's PDF (wkhtmltopdf, which fetches its assets from the test server:
    an HttpCase, post_install) shows the split of the sales between the contract's rate
    and each promotion's."""

    def test_statement_pdf_shows_the_split(self):
        self.supplier.lang = "en_US"
        promotion = self.promotion(name="PDF Spring Sale", commission_rate=12.0)
        line_a = promotion.participant_ids.filtered(lambda p: p.contract_id == self.contract_a)
        line_a.with_user(self.demo["assistant"]).write({"commission_rate": 8.5})
        self.approve(promotion)
        self.sales(
            self.contract_a,
            [(date(2029, 2, 28), 12000.0, 0.0), (date(2029, 3, 5), 12345.67, 0.0)],
        )
        period = self.period(user=self.accountant)
        period.with_user(self.accountant).action_prepare()
        statement = period.statement_ids.filtered(lambda s: s.contract_id == self.contract_a)
        self.assertEqual(statement.commission, 3449.38)
        text = pdf_text(
            render_pdf(self.env, "mall_settlement.action_report_settlement_statement", statement)
        )
        self.assertIn("Sales in promotions", text)
        # The contract-rate row, then the promotion's: its sales, the contract's own
        # rate (8.50 %) and the commission at that rate.
        self.assertRegex(
            text,
            r"At the contract rate \D*12,000\.00 PDF Spring Sale \(.*?\) "
            r"\D*12,345\.67 8\.50 \D*1,049\.38",
        )
        self.assertRegex(text, r"Net sales \D*24,345\.67")
        self.assertRegex(text, r"Commission; base rate \(%\) 20\.00 - \D*3,449\.38")
