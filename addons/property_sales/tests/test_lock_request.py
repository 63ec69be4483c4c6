from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form

from .common import PropertySalesCase

ID_NUMBER = "110101199001011237"
ASK_VIEW = "property_sales.property_unit_lock_request_view_form_ask"


class TestLockRequest(PropertySalesCase):
    """申请销控 (U5): the consultant's request carries the customer and the ID card number
    or the deposit (U4); the secretary locks from it without retyping."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.demo_consultant = cls.env.ref("property_sales.demo_user_consultant")
        cls.demo_secretary = cls.env.ref("property_sales.demo_user_secretary")

    def ask(self, unit, user=None, partner=None, id_number=None, deposit=None):
        """Fill the consultant's dialog opened by the unit's Ask for a Lock button."""
        user = user or self.demo_consultant
        action = unit.with_user(user).action_request_lock()
        model = self.env[action["res_model"]].with_user(user).with_context(**action["context"])
        with Form(model, view=ASK_VIEW) as form:
            self.assertEqual(form.unit_id, unit)
            form.partner_id = partner or self.customer
            if deposit is not None:
                form.deposit_id = deposit
            if id_number:
                form.id_number_entry = id_number
        return form.record

    def test_request_with_id_card_then_secretary_locks(self):
        # the secretary reads her to-do in her language, whoever asked
        self.demo_secretary.lang = "zh_CN"
        request = self.ask(self.unit, id_number="11010119900101004x")
        self.assertEqual(request.state, "pending")
        self.assertEqual(request.consultant_id, self.demo_consultant)
        # the consultant sees the number masked; the secretary in full, normalised
        self.assertEqual(
            request.with_user(self.demo_consultant).id_number_masked, "1101**********004X"
        )
        with self.assertRaises(AccessError):
            request.with_user(self.demo_consultant).read(["id_number"])
        self.assertEqual(request.with_user(self.demo_secretary).id_number, "11010119900101004X")
        # on the secretaries' list and their to-dos
        pending = self.env["property.unit.lock.request"].with_user(self.demo_secretary)
        self.assertIn(request, pending.search([("state", "=", "pending")]))
        todo = request.activity_ids.filtered(lambda a: a.user_id == self.demo_secretary)
        self.assertEqual(todo.summary, "李明 申请销控房源 1-0101（客户：黄晓明）")
        # on the 销控图, for every role
        chart = self.building.with_user(self.consultant2).get_sales_chart_data()
        cell = next(u for u in chart["units"] if u["name"] == "1-0101")
        self.assertEqual(cell["requested_by"], "李明")
        self.assertEqual(cell["requests"], [{"id": request.id, "consultant": "李明"}])

        action = request.with_user(self.demo_secretary).action_lock()
        lock = self.env["property.unit.lock"].browse(action["res_id"])
        self.assertEqual(self.unit.state, "locked")
        self.assertEqual(lock.partner_id, self.customer)
        self.assertEqual(lock.id_number, "11010119900101004X")
        self.assertEqual(lock.consultant_id, self.demo_consultant)
        self.assertEqual(lock.locked_by, self.demo_secretary)
        self.assertEqual((request.state, request.lock_id), ("locked", lock))
        self.assertEqual(request.decided_by, self.demo_secretary)
        self.assertFalse(request.activity_ids)
        cell = self.unit._chart_values()
        self.assertEqual((cell["state"], cell["requests"]), ("locked", []))
        with self.assertRaisesRegex(UserError, "Locked: this step does not apply"):
            request.with_user(self.demo_secretary).action_lock()

    def test_paid_deposit_is_proposed_and_carried_to_the_lock(self):
        deposit = self.paid_deposit(50000.00)
        deposit.consultant_id = self.demo_consultant
        unit = self.unit_named("1-0102")
        request = self.ask(unit)
        self.assertEqual(request.deposit_id, deposit)
        self.assertFalse(request.sudo().id_number)
        request.with_user(self.demo_secretary).action_lock()
        self.assertEqual(request.lock_id.deposit_id, deposit)
        self.assertEqual(unit.state, "locked")
        # the deposit now secures that lock: not proposed again
        self.assertFalse(
            self.env["property.deposit"]._free_for_lock(self.customer, self.unit_named("1-0201"))
        )
        with self.assertRaisesRegex(UserError, "give the Deposit Received or the ID Card"):
            self.env["property.unit.lock.request"].with_user(self.demo_consultant).create(
                {"unit_id": self.unit_named("1-0201").id, "partner_id": self.customer.id}
            )

    def test_bad_requests_are_refused_with_the_field_named(self):
        # each refusal rolls its request back, as the RPC call's transaction would
        refused = self.env.cr.savepoint
        with self.assertRaisesRegex(ValidationError, "ID Card Number .card held. must be 18"):
            with refused():
                self.ask(self.unit, id_number="1101011990")
        with self.assertRaisesRegex(ValidationError, "wrong check digit"), refused():
            self.ask(self.unit, id_number="110101199001011238")
        self.unit.with_user(self.manager).action_withhold()
        with self.assertRaisesRegex(UserError, "1-0101 is Withheld"), refused():
            self.env["property.unit.lock.request"].with_user(self.consultant).create(
                {
                    "unit_id": self.unit.id,
                    "partner_id": self.customer.id,
                    "id_number_entry": ID_NUMBER,
                }
            )
        self.env.invalidate_all()
        self.assertFalse(self.unit.lock_request_ids)

    def test_refuse_withdraw_and_roles(self):
        request = self.ask(self.unit, id_number=ID_NUMBER)
        with self.assertRaises(AccessError):
            request.with_user(self.demo_consultant).action_lock()
        with self.assertRaises(AccessError):
            request.with_user(self.cashier).action_refuse()
        # another consultant neither sees nor withdraws it
        with self.assertRaises(AccessError):
            request.with_user(self.consultant2).read(["state"])
        with self.assertRaises(UserError):
            request.with_user(self.demo_consultant).write({"state": "locked"})
        request.with_user(self.demo_secretary).action_refuse()
        self.assertEqual(request.state, "refused")
        self.assertEqual(self.unit.state, "available")
        again = self.ask(self.unit, id_number=ID_NUMBER)
        again.with_user(self.demo_consultant).action_withdraw()
        self.assertEqual(again.state, "withdrawn")
        self.assertFalse(again.activity_ids)
