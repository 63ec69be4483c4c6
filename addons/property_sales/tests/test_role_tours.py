from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestRoleTours(HttpCase):
    """Each role's main job done in the browser, by clicking, from its home screen, as
    its demo user."""

    def test_cashier_receives_a_deposit(self):
        consultant = self.env.ref("property_sales.demo_user_consultant")
        cashier = self.env.ref("property_sales.demo_user_cashier")
        project = self.env.ref("property_sales.demo_project_jinxiu")
        customer = self.env["res.partner"].create({"name": "巡检客户"})
        deposit = (
            self.env["property.deposit"]
            .with_user(consultant)
            .create({"project_id": project.id, "partner_id": customer.id, "amount": 50000.00})
        )
        deposit.action_submit()
        self.assertEqual(deposit.state, "approved")
        self.assertEqual(
            cashier.action_id.id, self.env.ref("property_sales.property_deposit_action").id
        )
        self.start_tour("/odoo", "property_sales_cashier_receives_deposit", login=cashier.login)
        deposit = self.env["property.deposit"].browse(deposit.id)
        deposit.invalidate_recordset()
        self.assertEqual(deposit.state, "paid")
        payment = deposit.payment_id
        self.assertIn(payment.state, ("in_process", "paid"))
        self.assertEqual((payment.amount, payment.payment_type), (50000.00, "inbound"))
        self.assertEqual(payment.partner_id, customer)
        self.assertEqual(payment.create_uid, cashier)
