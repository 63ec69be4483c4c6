import unicodedata
from datetime import timedelta

from odoo import Command, fields
from odoo.tests import HttpCase, tagged
from odoo.tools import config

from odoo.addons.marketing_base.tests.common import pdf_text, render_pdf


@tagged("post_install", "-at_install")
class TestAgreementPdf(HttpCase):
    """The agreement printed through wkhtmltopdf, which loads the report's assets from the
    test server (an HttpCase shares its cursor with the server)."""

    def test_agreement_pdf(self):
        self.env["ir.config_parameter"].sudo().set_param(
            "report.url", f"http://127.0.0.1:{config['http_port']}"
        )
        today = fields.Date.context_today(self.env["sales.framework.agreement"])
        customer = self.env["res.partner"].create({"name": "华信机电有限公司", "is_company": True})
        product = self.env["product.product"].create({"name": "测试电机"})
        agreement = self.env["sales.framework.agreement"].create(
            {
                "partner_id": customer.id,
                "date_start": today,
                "date_end": today + timedelta(days=365),
                "after_sales_terms": "质保12个月",
                "line_ids": [
                    Command.create({"product_id": product.id, "price_unit": 880.0, "quantity": 100})
                ],
            }
        )
        agreement.action_sign()
        report = "sales_framework.action_report_sales_framework_agreement"
        # The PDF's CJK font maps some ideographs to radicals (户 → ⼾): compare normalized.
        text = unicodedata.normalize("NFKC", pdf_text(render_pdf(self.env, report, agreement)))
        self.assertIn("销售框架协议", text)
        self.assertIn(agreement.name, text)
        self.assertIn("华信机电有限公司", text)
        self.assertIn("880.00", text)
        self.assertIn("质保12个月", text)
