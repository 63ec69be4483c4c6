from lxml import etree

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import SettlementCase

REFUSED = UserError  # AccessError and ValidationError are UserErrors


@tagged("post_install", "-at_install")
class TestSettlementGuard(SettlementCase):
    """Workflow guard and role checks (issues 9 and 17): states and the fields the
    actions set change only through the actions, and every button of the forms is
    checked on the server with the groups the view shows it to."""

    DEMO_USERS = (
        "mall_consignment.user_marketing_head",
        "mall_consignment.user_marketing_assistant",
        "mall_consignment.user_buyer",
        "mall_consignment.user_contract_admin",
        "mall_consignment.user_visual_merchandiser",
        "mall_consignment.user_floor_manager",
        "mall_consignment.user_floor_accountant",
        "mall_settlement.user_cashier",
        # the sales office's cashier (finance too), when property_sales is installed
        "property_sales.demo_user_cashier",
    )

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        users = cls.env["res.users"]
        for xmlid in cls.DEMO_USERS:
            users |= cls.env.ref(xmlid, raise_if_not_found=False) or users
        cls.demo_users = users

    def assertRefused(self, records, fn, exc=REFUSED):
        """fn() raises and the records read the same before and after."""
        fields = [
            name
            for name, field in records._fields.items()
            if field.store and field.type not in ("one2many", "many2many", "binary")
        ]
        self.env.flush_all()
        records.invalidate_recordset()
        before = records.sudo().read(fields)
        with self.assertRaises(exc) as caught:
            fn()
        records.invalidate_recordset()
        self.assertEqual(records.sudo().read(fields), before)
        return caught.exception

    def _sent_example(self):
        contract, period, statement = self.worked_example()
        statement.with_user(self.accountant).action_send()
        return contract, period, statement

    def _buttons(self, xmlid):
        arch = etree.fromstring(self.env.ref(xmlid).arch)
        return [
            (button.get("name"), button.get("groups").split(","))
            for button in arch.iter("button")
            if button.get("type") == "object" and button.get("groups")
        ]

    def test_every_form_button_is_checked_on_the_server_for_each_demo_user(self):
        _contract, period, statement = self._sent_example()
        checked = 0
        wizard = (
            self.env["mall.settlement.payment.wizard"]
            .with_user(self.finance)
            .create({"amount": 1e9})
        )
        for xmlid, record in (
            ("mall_settlement.view_mall_settlement_period_form", period),
            ("mall_settlement.view_mall_settlement_statement_form", statement),
            ("mall_settlement.view_mall_settlement_payment_wizard_form", wizard),
        ):
            buttons = self._buttons(xmlid)
            self.assertTrue(buttons)
            for user in self.demo_users:
                for method, groups in buttons:
                    if any(user.has_group(group) for group in groups):
                        continue
                    with self.subTest(user=user.login, button=method):
                        self.assertRefused(
                            record, getattr(record.with_user(user), method), AccessError
                        )
                        checked += 1
        self.assertGreater(checked, 60)
        self.assertEqual(statement.state, "sent")

    def test_direct_state_writes_refused_for_each_demo_user(self):
        _contract, period, statement = self._sent_example()
        charge = statement.charge_ids[:1]
        for user in self.demo_users | self.accountant | self.finance:
            for record, state in ((period, "closed"), (statement, "paid"), (charge, "open")):
                with self.subTest(user=user.login, model=record._name):
                    self.assertRefused(
                        record, lambda r=record, s=state, u=user: r.with_user(u).write({"state": s})
                    )
        self.assertEqual(
            (period.state, statement.state, charge.state), ("prepared", "sent", "settled")
        )

    def test_create_in_a_later_state_refused(self):
        contract = self.contract()  # a draft contract
        period = self.period()
        Statement = self.env["mall.settlement.statement"].with_user(self.accountant)
        count = Statement.search_count([])
        with self.assertRaises(REFUSED):
            Statement.create(
                {"period_id": period.id, "contract_id": contract.id, "state": "confirmed"}
            )
        with self.assertRaises(REFUSED):
            Statement.create({"period_id": period.id, "contract_id": contract.id})
        signed = self.signed_contract(counter_ids=[(6, 0, self.counter_b.ids)])
        with self.assertRaises(UserError):
            Statement.create(
                {"period_id": period.id, "contract_id": signed.id, "priority_class": "a"}
            )
        self.assertEqual(Statement.search_count([]), count)
        with self.assertRaises(UserError):
            self.env["mall.settlement.period"].with_user(self.accountant).create(
                {"date_from": "2029-05-26", "date_to": "2029-06-25", "state": "closed"}
            )
        charge_type = self.env["mall.charge.type"]._by_code("storage")
        with self.assertRaises(UserError):
            self.env["mall.supplier.charge"].with_user(self.accountant).create(
                {
                    "contract_id": signed.id,
                    "charge_type_id": charge_type.id,
                    "amount": 10.0,
                    "generated": True,
                }
            )

    def test_action_fields_change_only_in_actions(self):
        _contract, _period, statement = self._sent_example()
        self.post(statement)
        finance = statement.with_user(self.finance)
        self.assertEqual(statement.priority_class, "a")
        for vals in (
            {"state": "paid"},
            {"priority_class": "e"},
            {"confirmed_by_id": self.accountant.id},
            {"supplier_confirmed_on_behalf": False},
            {"invoice_received_date": "2029-03-28 09:00:00"},
            {"vendor_bill_id": False},
        ):
            with self.subTest(vals=vals):
                self.assertRefused(statement, lambda v=vals: finance.write(v), UserError)
        # Through the context nothing opens the guard.
        self.assertRefused(
            statement,
            lambda: finance.with_context(workflow_action=True).write({"state": "paid"}),
            UserError,
        )
        finance.action_register_invoice()
        self.assertEqual(statement.state, "invoiced")

    def test_floor_accountant_works_on_own_floors_only(self):
        _contract, period, statement = self.worked_example()
        other_accountant = self.env.ref("mall_consignment.user_floor_accountant")
        self.assertNotIn(other_accountant, self.floor2.accountant_ids)
        # Reads every floor, sends and charges only its own.
        self.assertEqual(statement.with_user(other_accountant).payable, 60500.0)
        self.assertRefused(
            statement, statement.with_user(other_accountant).action_send, AccessError
        )
        with self.assertRaises(AccessError):
            self.charge(statement.contract_id, "storage", 10.0, user=other_accountant)
        statement.with_user(self.accountant).action_send()
        self.assertEqual(statement.state, "sent")
        # Preparing the month is company-wide.
        period.with_user(other_accountant).action_prepare()
        self.assertEqual(period.state, "prepared")
