from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestConsultantTour(HttpCase):
    """The consultant's main job in the browser, as the demo consultant, from the home
    screen (the daily meeting): a deposit and a subscription, by clicking."""

    def test_consultant_creates_a_deposit_and_a_subscription(self):
        ref = self.env.ref
        consultant = ref("property_sales.demo_user_consultant")
        secretary = ref("property_sales.demo_user_secretary")
        cashier = ref("property_sales.demo_user_cashier")
        project = ref("property_sales.demo_project_jinxiu")
        self.assertEqual(consultant.action_id.id, ref("property_crm.crm_lead_action_meeting").id)
        Lead = self.env["crm.lead"]
        lead = Lead.browse(
            Lead.with_user(consultant).register_contact(
                {
                    "project_id": project.id,
                    "contact_name": "巡检客户",
                    "phone": "13912345678",
                    "contact_kind": "visit",
                }
            )
        )
        lead.sudo()._handle_partner_assignment(create_missing=True)
        customer = lead.partner_id
        # a deposit received earlier, and the lock the consultant asked for with it
        paid = (
            self.env["property.deposit"]
            .with_user(consultant)
            .create({"project_id": project.id, "partner_id": customer.id, "amount": 50000.00})
        )
        paid.action_submit()
        paid.with_user(cashier).action_register_payment()
        unit = self.env["property.unit"].search(
            [("name", "=", "1-1503"), ("project_id", "=", project.id)]
        )
        request = (
            self.env["property.unit.lock.request"]
            .with_user(consultant)
            .create({"unit_id": unit.id, "partner_id": customer.id})
        )
        self.assertEqual(request.deposit_id, paid)
        request.with_user(secretary).action_lock()
        self.assertEqual(unit.state, "locked")

        self.start_tour(
            "/odoo", "property_crm_consultant_deposit_subscription", login=consultant.login
        )

        deposits = self.env["property.deposit"].search([("partner_id", "=", customer.id)])
        new_deposit = deposits - paid
        self.assertEqual(len(new_deposit), 1)
        self.assertEqual(
            (new_deposit.state, new_deposit.amount, new_deposit.project_id),
            ("approved", 50000.00, project),
        )
        self.assertEqual(new_deposit.consultant_id, consultant)
        subscription = self.env["property.subscription"].search([("unit_id", "=", unit.id)])
        self.assertEqual(subscription.state, "confirmed")
        self.assertEqual(subscription.deposit_id, paid)
        self.assertEqual(subscription.consultant_id, consultant)
        self.assertEqual(unit.state, "subscribed")
