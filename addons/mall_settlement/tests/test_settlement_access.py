from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import SettlementCase


@tagged("post_install", "-at_install")
class TestSettlementAccess(SettlementCase):
    def test_roles(self):
        contract, period, statement = self.worked_example()
        # The marketing head reads but does not change.
        self.assertEqual(statement.with_user(self.head).payable, 60500.0)
        with self.assertRaises(AccessError):
            statement.with_user(self.head).write({"note": "x"})
        with self.assertRaises(AccessError):
            self.charge(contract, "storage", 10.0, user=self.head)
        with self.assertRaises(AccessError):
            period.with_user(self.head).action_prepare()
        # The floor accountant prepares and sends but does not post.
        statement.with_user(self.accountant).action_send()
        with self.assertRaises(AccessError):
            statement.with_user(self.accountant).action_confirm()
        self.assertFalse(statement.vendor_bill_id)
        # A plain mall user cannot create charges; finance cannot create periods.
        with self.assertRaises(AccessError):
            self.charge(contract, "storage", 10.0, user=self.buyer)
        with self.assertRaises(AccessError):
            self.period(2029, 6, user=self.finance)
        statement.with_user(self.finance).action_supplier_confirm()
        statement.with_user(self.finance).action_confirm()
        self.assertEqual(statement.state, "confirmed")

    def test_portal_user_reads_own_statements_only(self):
        _contract, _period, statement = self.worked_example()
        statement.with_user(self.accountant).action_send()
        contact = self.env["res.partner"].create(
            {"name": "张丽", "parent_id": self.supplier.id, "email": "zhangli@example.com"}
        )
        portal = new_test_user(
            self.env, login="ms_portal", groups="base.group_portal", partner_id=contact.id
        )
        other = self.env["res.partner"].create({"name": "他人公司", "is_company": True})
        stranger = new_test_user(
            self.env,
            login="ms_portal2",
            groups="base.group_portal",
            partner_id=self.env["res.partner"].create({"name": "李四", "parent_id": other.id}).id,
        )
        Statement = self.env["mall.settlement.statement"]
        self.assertEqual(Statement.with_user(portal).search([]), statement)
        self.assertFalse(Statement.with_user(stranger).search([]))
        with self.assertRaises(AccessError):
            statement.with_user(stranger).read(["payable"])
        with self.assertRaises(AccessError):
            statement.with_user(portal).write({"note": "x"})

    def test_company_rules(self):
        other_company = self.env["res.company"].create({"name": "另一商场"})
        foreign = (
            self.env["mall.settlement.period"]
            .with_company(other_company)
            .create_for_month(2029, 3, other_company)
        )
        own = self.period(2029, 3)
        Period = self.env["mall.settlement.period"].with_user(self.accountant)
        self.assertEqual(Period.search([("date_to", "=", own.date_to)]), own)
        with self.assertRaises(AccessError):
            foreign.with_user(self.accountant).read(["name"])
