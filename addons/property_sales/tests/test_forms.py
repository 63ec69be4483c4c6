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


class TestOfficeForms(PropertySalesCase):
    """The other New forms of the sales office, filled in as each role's demo user."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.demo_manager = cls.env.ref("property_sales.demo_user_manager")
        cls.demo_secretary = cls.env.ref("property_sales.demo_user_secretary")

    def test_manager_creates_a_project_and_a_building_with_its_units(self):
        with Form(self.env["property.project"].with_user(self.demo_manager)) as form:
            form.name = "湖畔花园"
            form.code = "HPHY"
            form.deposit_standard = 50000.00
            form.deposit_minimum = 20000.00
        project = form.record
        self.assertEqual(project.company_id, self.env.company)
        with Form(self.env["property.building"].with_user(self.demo_manager)) as form:
            form.project_id = project
            form.name = "3号楼"
            form.code = "3"
            form.floor_count = 2
            form.floor_price_step = 100.00
            with form.position_ids.new() as position:
                position.number = "01"
                position.layout = "3室2厅2卫"
                position.area = 120.50
                position.price_per_sqm = 20000.00
        building = form.record
        building.with_user(self.demo_manager).action_generate_units()
        self.assertEqual(building.unit_ids.mapped("name"), ["3-0101", "3-0201"])
        # 120.50 m² × (20,000 + 100 per floor above the first)
        self.assertEqual(building.unit_ids.mapped("list_price"), [2410000.00, 2422050.00])
        self.assertEqual(set(building.unit_ids.mapped("state")), {"available"})

    def test_secretary_locks_through_the_lock_dialog(self):
        deposit = self.paid_deposit(50000.00)
        action = self.unit.with_user(self.demo_secretary).action_open_lock_wizard()
        wizard = self.env[action["res_model"]].with_user(self.demo_secretary)
        with Form(wizard.with_context(**action["context"])) as form:
            self.assertEqual(form.unit_id, self.unit)
            form.partner_id = self.customer
            form.deposit_id = deposit
        result = form.record.action_lock()
        lock = self.env["property.unit.lock"].browse(result["res_id"])
        self.assertEqual(
            (lock.state, lock.partner_id, lock.deposit_id), ("active", self.customer, deposit)
        )
        self.assertEqual(lock.locked_by, self.demo_secretary)
        self.assertEqual(self.unit.state, "locked")
