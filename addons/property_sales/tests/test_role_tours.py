from odoo import Command
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

    def test_consultant_asks_for_a_lock_on_the_chart(self):
        consultant = self.env.ref("property_sales.demo_user_consultant")
        project = self.env.ref("property_sales.demo_project_jinxiu")
        building = self.env["property.building"].create(
            {
                "name": "巡检楼",
                "code": "T",
                "project_id": project.id,
                "floor_count": 2,
                "position_ids": [
                    Command.create(
                        {"number": "01", "layout": "3室2厅", "area": 100.0, "price_per_sqm": 20000}
                    )
                ],
            }
        )
        building.action_generate_units()
        customer = self.env["res.partner"].create({"name": "巡检客户"})
        self.start_tour(
            "/odoo/action-property_sales.property_building_action",
            "property_sales_consultant_asks_lock",
            login=consultant.login,
        )
        request = self.env["property.unit.lock.request"].search(
            [("unit_id.building_id", "=", building.id)]
        )
        self.assertEqual(request.unit_id.name, "T-0201")
        self.assertEqual((request.state, request.partner_id), ("pending", customer))
        self.assertEqual(request.consultant_id, consultant)
        self.assertEqual(request.id_number, "110101199001011237")
        self.assertEqual(request.unit_id.state, "available")
