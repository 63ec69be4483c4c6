from odoo.tests import Form

from .common import PropertySalesCase


class TestCreateForms(PropertySalesCase):
    """The consultant's New forms: the company is known before anything is chosen (the
    project and unit dropdowns are filtered by it), the project is proposed, and so is a
    paid deposit of the customer."""

    def test_consultant_creates_a_deposit(self):
        # the consultant's office sells this one project
        self.env["property.project"].search([("id", "!=", self.project.id)]).active = False
        with Form(self.env["property.deposit"].with_user(self.consultant)) as form:
            self.assertEqual(form.company_id, self.env.company)
            self.assertEqual(form.project_id, self.project)
            form.partner_id = self.customer
            form.unit_id = self.unit
            form.amount = 50000.00
        deposit = form.record
        self.assertEqual(deposit.state, "draft")
        self.assertEqual(deposit.consultant_id, self.consultant)
        self.assertEqual(deposit.company_id, self.project.company_id)
        deposit.with_user(self.consultant).action_submit()
        self.assertEqual(deposit.state, "approved")

    def test_no_project_proposed_among_several(self):
        with Form(self.env["property.deposit"].with_user(self.consultant)) as form:
            self.assertFalse(form.project_id)
            self.assertEqual(form.company_id, self.env.company)
            form.project_id = self.other_project
            form.partner_id = self.customer
            form.amount = 30000.00
        self.assertEqual(form.record.project_id, self.other_project)

    def test_consultant_creates_a_subscription_with_the_customers_deposit(self):
        deposit = self.paid_deposit(50000.00)
        # the secretary locks on the ID card, for the consultant who asked
        wizard = (
            self.env["property.unit.lock.wizard"]
            .with_user(self.secretary)
            .create(
                {
                    "unit_id": self.unit_named("1-0102").id,
                    "partner_id": self.customer.id,
                    "id_number": "110101199001011237",
                    "consultant_id": self.consultant.id,
                }
            )
        )
        wizard.action_lock()
        unit = self.unit_named("1-0102")
        with Form(self.env["property.subscription"].with_user(self.consultant)) as form:
            self.assertEqual(form.company_id, self.env.company)
            form.unit_id = unit
            form.partner_id = self.customer
            self.assertEqual(form.lock_id, unit.active_lock_id)
            self.assertEqual(form.deposit_id, deposit)
        subscription = form.record
        subscription.with_user(self.consultant).action_confirm()
        self.assertEqual(subscription.state, "confirmed")
        self.assertEqual(subscription.deposit_id, deposit)
        self.assertEqual(unit.state, "subscribed")
        self.assertFalse(unit.active_lock_id)
