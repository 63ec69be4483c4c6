import unicodedata

from odoo.tests import HttpCase, tagged

from odoo.addons.marketing_base.tests.common import pdf_text, render_pdf

from .common import PropertySalesCase


@tagged("post_install", "-at_install")
class TestSubscriptionReport(HttpCase, PropertySalesCase):
    """HttpCase: wkhtmltopdf fetches the report's assets from the test server."""

    def test_subscription_pdf_rendered_in_chinese(self):
        """The 认购书 through wkhtmltopdf: the unit, the buyer and the price in the PDF."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["property_sales"], ["zh_CN"], overwrite=True
        )
        deposit = self.paid_deposit(50000.0, unit=self.unit)
        self.lock(self.unit, id_number=None, deposit_id=deposit.id)
        subscription = (
            self.env["property.subscription"]
            .with_user(self.consultant)
            .create({"unit_id": self.unit.id, "partner_id": self.customer.id})
        )
        subscription.action_confirm()
        pdf = render_pdf(
            self.env, "property_sales.action_report_property_subscription", subscription
        )
        # NFKC: the extractor returns some ideographs as radical look-alikes
        text = unicodedata.normalize("NFKC", "".join(pdf_text(pdf).split()))
        self.assertIn("1-0101", text)
        self.assertIn("2,374,845.00", text)
        self.assertIn(subscription.name, text)
        self.assertIn("商品房认购书", text)
        self.assertNotIn("Property Subscription Agreement", text)
