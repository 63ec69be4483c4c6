from odoo.exceptions import AccessError, UserError, ValidationError

from .common import PropertySalesCase

REFUSED = UserError  # AccessError and ValidationError included


class TestSecurityFindings(PropertySalesCase):
    """One regression test per finding of the security review, as the role's user."""

    def confirmed_subscription(self, unit=None, partner=None):
        unit = unit or self.unit
        partner = partner or self.customer
        deposit = self.paid_deposit(50000.0, partner=partner, unit=unit)
        self.lock(unit, partner=partner, id_number=None, deposit_id=deposit.id)
        subscription = (
            self.env["property.subscription"]
            .with_user(self.consultant)
            .create({"unit_id": unit.id, "partner_id": partner.id})
        )
        subscription.action_confirm()
        return subscription

    # 1. workflow guard ----------------------------------------------------
    def test_context_key_no_longer_lets_a_consultant_pay_a_deposit(self):
        deposit = (
            self.env["property.deposit"]
            .with_user(self.consultant)
            .create({"project_id": self.project.id, "partner_id": self.customer.id, "amount": 1})
        )
        forged = deposit.with_user(self.consultant).with_context(property_state_change=True)
        with self.assertRaises(UserError):
            forged.write({"state": "paid", "approved_by": self.manager.id})
        self.assertEqual(deposit.state, "draft")
        self.assertFalse(deposit.approved_by)

    def test_documents_are_created_in_their_first_state(self):
        Deposit = self.env["property.deposit"].with_user(self.consultant)
        with self.assertRaises(UserError):
            Deposit.create(
                {
                    "project_id": self.project.id,
                    "partner_id": self.customer.id,
                    "amount": 1,
                    "state": "paid",
                    "approved_by": self.manager.id,
                }
            )
        with self.assertRaises(UserError):
            self.env["property.subscription"].with_user(self.consultant).create(
                {
                    "unit_id": self.unit.id,
                    "partner_id": self.customer.id,
                    "price": self.unit.list_price / 2,
                    "state": "confirmed",
                }
            )
        self.assertFalse(
            self.env["property.deposit"].search([("partner_id", "=", self.customer.id)])
        )
        self.assertFalse(self.unit.subscription_ids)
        self.assertEqual(self.unit.state, "available")

    def test_contract_and_delivery_checked_on_the_server(self):
        subscription = self.confirmed_subscription()
        subscription.with_user(self.service).write(
            {"mortgage_documents": True, "contract_registered": True}
        )
        with self.assertRaises(AccessError):
            subscription.with_user(self.consultant).action_contract()
        self.assertEqual(subscription.state, "confirmed")
        subscription.with_user(self.clerk).action_contract()
        for user in (self.consultant, self.secretary, self.clerk):
            with self.assertRaises(AccessError):
                subscription.with_user(user).action_deliver()
        self.assertEqual(subscription.state, "contracted")
        self.assertEqual(self.unit.state, "contracted")

    # 2. frozen documents ---------------------------------------------------
    def test_confirmed_subscription_terms_are_frozen_for_everyone(self):
        subscription = self.confirmed_subscription()
        other = self.unit_named("1-0102")
        for user, vals in (
            (self.consultant, {"price": 1000000.0}),
            (self.consultant, {"discount_approved_by": self.manager.id}),
            (self.manager, {"unit_id": other.id}),
            (self.manager, {"list_price": 1.0}),
            (self.manager, {"price": 1000000.0}),
        ):
            with self.assertRaises(REFUSED, msg=f"{user.login} {vals}"):
                subscription.with_user(user).write(vals)
        with self.assertRaisesRegex(UserError, "can no longer change"):
            subscription.sudo().write({"price": 1000000.0})
        self.assertEqual(subscription.price, 2374845.00)
        self.assertEqual(subscription.unit_id, self.unit)
        self.assertFalse(subscription.discount_approved_by)

    # 3. references must belong --------------------------------------------
    def test_topup_only_with_a_further_unused_deposit_of_the_customer(self):
        deposit = self.paid_deposit(20000.0, unit=self.unit)
        self.lock(self.unit, id_number=None, deposit_id=deposit.id)
        subscription = (
            self.env["property.subscription"]
            .with_user(self.consultant)
            .create({"unit_id": self.unit.id, "partner_id": self.customer.id})
        )
        subscription.action_confirm()
        self.assertEqual(subscription.state, "temporary")
        strangers = self.paid_deposit(30000.0, partner=self.customer2)
        other_sale = self.confirmed_subscription(self.unit_named("1-0102"))
        for topup, message in (
            (strangers, "must be a further deposit received from 黄晓明"),
            (deposit, "must be a further deposit received from 黄晓明"),
            (other_sale.deposit_id, "already secures unit 1-0102"),
        ):
            subscription.sudo().topup_deposit_id = topup
            with self.assertRaisesRegex(UserError, message):
                subscription.with_user(self.consultant).action_confirm_topup()
            self.assertEqual(subscription.state, "temporary")

    def test_deposit_without_unit_secures_one_lock(self):
        deposit = self.paid_deposit(50000.0)
        self.lock(self.unit, id_number=None, deposit_id=deposit.id)
        other = self.unit_named("1-0102")
        with self.assertRaisesRegex(UserError, "already secures unit 1-0101"):
            self.lock(other, id_number=None, deposit_id=deposit.id)
        self.assertEqual(other.state, "available")

    def test_consultants_see_only_their_customers_locks_and_register(self):
        deposit = self.paid_deposit(50000.0, unit=self.unit)
        lock = self.lock(self.unit, id_number=None, deposit_id=deposit.id)
        Lock = self.env["property.unit.lock"]
        Log = self.env["property.control.log"]
        mine = [("unit_id", "=", self.unit.id)]
        self.assertEqual(Lock.with_user(self.consultant).search(mine), lock)
        self.assertEqual(len(Log.with_user(self.consultant).search(mine)), 2)
        self.assertFalse(Lock.with_user(self.consultant2).search(mine))
        self.assertFalse(Log.with_user(self.consultant2).search(mine))
        self.assertFalse(self.env["property.deposit"].with_user(self.consultant2).search(mine))
        with self.assertRaises(AccessError):
            lock.with_user(self.consultant2).read(["partner_id"])
        # but the unit's state, and the chart, stay visible
        self.assertEqual(self.unit.with_user(self.consultant2).state, "locked")
        chart = self.building.with_user(self.consultant2).get_sales_chart_data()
        states = {unit["name"]: unit["state"] for unit in chart["units"]}
        self.assertEqual(states["1-0101"], "locked")
        self.assertEqual(Lock.with_user(self.secretary).search(mine), lock)

    # 5. personal data --------------------------------------------------------
    def test_id_number_checked_against_gb11643(self):
        for number in ("110101199001011234", "11010119900101123", "1101011990010112X7"):
            with self.assertRaisesRegex(ValidationError, "ID Card Number"):
                self.lock(self.unit, id_number=number)
        self.assertEqual(self.unit.state, "available")
        lock = self.lock(self.unit, id_number="11010519491231002x")
        self.assertEqual(lock.id_number, "11010519491231002X")

    def test_id_number_and_phone_masked_for_other_roles(self):
        lock = self.lock(self.unit, id_number="330102197911030419")
        self.env["property.unit.lock"].browse(lock.id).sudo().consultant_id = self.consultant
        for user in (self.secretary, self.clerk):
            self.assertEqual(lock.with_user(user).id_number, "330102197911030419")
        export = self.env.ref("base.group_allow_export")
        for user in (self.consultant, self.service, self.manager):
            user.groups_id += export
            as_user = lock.with_user(user)
            self.assertEqual(as_user.id_number_masked, "3301**********0419")
            self.assertEqual(as_user.partner_phone_masked, "138****8000")
            with self.assertRaises(AccessError, msg=user.login):
                as_user.read(["id_number"])
            with self.assertRaises(AccessError, msg=user.login):
                as_user.export_data(["id_number"])
        self.assertFalse(
            self.env["mail.tracking.value"].search(
                [("new_value_char", "ilike", "330102197911030419")]
            )
        )

    # 6. numbers that make sense -----------------------------------------------
    def test_nonsense_numbers_refused_naming_the_field(self):
        Deposit = self.env["property.deposit"].with_user(self.consultant)
        base = {"project_id": self.project.id, "partner_id": self.customer.id}
        for amount in ("abc", float("nan"), float("inf"), 1e18, 1e308, -5):
            with self.assertRaisesRegex(UserError, "Amount must be a number"):
                Deposit.create(dict(base, amount=amount))
        manager_project = self.project.with_user(self.manager)
        for hours in (0, 721, "abc", 1.5):
            with self.assertRaisesRegex(UserError, "Lock Validity"):
                manager_project.write({"lock_validity_hours": hours})
        with self.assertRaisesRegex(UserError, "Name is too long"):
            manager_project.write({"name": "长" * 200})
        with self.assertRaisesRegex(UserError, "Floor Area"):
            self.unit.with_user(self.manager).write({"area": float("nan")})
        subscription = (
            self.env["property.subscription"]
            .with_user(self.consultant)
            .create({"unit_id": self.unit.id, "partner_id": self.customer.id})
        )
        with self.assertRaisesRegex(UserError, "Price must be a number"):
            subscription.with_user(self.consultant).write({"price": 1e308})
        self.assertEqual(self.project.lock_validity_hours, 24)

    # 8. companies ----------------------------------------------------------
    def test_documents_do_not_cross_companies(self):
        other_company = self.env["res.company"].create({"name": "滨江置业"})
        other_project = self.env["property.project"].create(
            {
                "name": "滨江花园",
                "code": "BJHY",
                "company_id": other_company.id,
                "deposit_standard": 50000,
                "deposit_minimum": 20000,
            }
        )
        foreign = self.env["property.deposit"].create(
            {
                "project_id": other_project.id,
                "partner_id": self.customer.id,
                "amount": 50000,
            }
        )
        self.assertEqual(foreign.company_id, other_company)
        foreign_customer = self.env["res.partner"].create(
            {"name": "滨江客户", "company_id": other_company.id}
        )
        with self.assertRaises(UserError):
            self.env["property.deposit"].create(
                {"project_id": self.project.id, "partner_id": foreign_customer.id, "amount": 5e4}
            )
        self.assertFalse(
            self.env["property.deposit"].search([("partner_id", "=", foreign_customer.id)])
        )
        self.lock(self.unit)
        subscription = self.env["property.subscription"].create(
            {"unit_id": self.unit.id, "partner_id": self.customer.id}
        )
        with self.assertRaises(UserError), self.env.cr.savepoint():
            subscription.deposit_id = foreign
        self.env.invalidate_all()
        self.assertFalse(subscription.deposit_id)
