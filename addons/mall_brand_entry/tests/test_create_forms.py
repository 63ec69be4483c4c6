from odoo.tests import Form, tagged

from .common import EntryCase


@tagged("post_install", "-at_install")
class TestCreateForms(EntryCase):
    """Issue 10: the brand-entry forms work as their roles' demo users fill them in the
    browser: the Buyer's application, the contract administrator's mandatory document."""

    def test_buyer_drafts_an_application(self):
        buyer = self.env.ref("mall_consignment.user_buyer")
        with Form(self.env["mall.brand.application"].with_user(buyer)) as form:
            form.brand_name = "悦颜"
            form.partner_id = self.candidate
            form.category_id = self.category
            form.floor_id = self.floor3
            # The floor's manager sits on the board.
            self.assertEqual(form.floor_manager_id, self.floor_manager3)
            form.counter_id = self.counter3
            form.planned_monthly_sales = 200000.0
            form.commission_rate = 18.0
        application = form.record
        self.assertEqual(application.state, "draft")
        self.assertEqual(application.user_id, buyer)
        self.assertNotEqual(application.name, "/")
        self.assertEqual(application.level, "national")

    def test_contract_admin_requires_a_document(self):
        admin = self.env.ref("mall_consignment.user_contract_admin")
        category = self.env["mall.brand.category"].create({"name": "进口食品"})
        Requirement = self.env["mall.document.requirement"].with_user(admin)
        # The list is editable: the row has the fields of the model's default form.
        with Form(Requirement) as form:
            form.category_id = category
            form.document_type = "trademark"
            form.imported_only = True
        requirement = form.record
        self.assertEqual(requirement.category_id, category)
        self.assertTrue(requirement.imported_only)
