from datetime import date

from odoo import http
from odoo.tests import HttpCase, new_test_user, tagged

from .common import SettlementCase


@tagged("post_install", "-at_install")
class TestSettlementPortal(HttpCase, SettlementCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contact = cls.env["res.partner"].create(
            {"name": "张丽", "parent_id": cls.supplier.id, "email": "zhangli@example.com"}
        )
        cls.portal_user = new_test_user(
            cls.env,
            login="ms_portal",
            password="ms_portal_pwd",
            groups="base.group_portal",
            partner_id=cls.contact.id,
        )

    def _other_statement(self, period):
        other = self.env["res.partner"].create({"name": "宁波海韵服饰有限公司", "is_company": True})
        brand = self.env["mall.brand"].create(
            {"name": "海韵", "category_id": self.category.id, "partner_id": other.id}
        )
        contract = self.signed_contract(
            partner_id=other.id, brand_id=brand.id, counter_ids=[(6, 0, self.counter_b.ids)]
        )
        self.sales(contract, [(date(2029, 3, 4), 50000.0, 0.0)])
        period.action_prepare()
        statement = period.statement_ids.filtered(lambda s: s.partner_id == other)
        statement.action_send()
        return statement

    def test_supplier_sees_confirms_and_cannot_see_others(self):
        _contract, period, statement = self.worked_example()
        statement.action_send()
        foreign = self._other_statement(period)
        self.authenticate("ms_portal", "ms_portal_pwd")
        response = self.url_open("/my/home")
        self.assertIn("/my/settlements", response.text)
        response = self.url_open("/my/settlements")
        self.assertEqual(response.status_code, 200)
        self.assertIn(statement.name, response.text)
        self.assertNotIn(foreign.name, response.text)
        response = self.url_open(f"/my/settlements/{statement.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("60,500.00", response.text)
        response = self.url_open(f"/my/settlements/{foreign.id}")
        self.assertIn(response.status_code, (403, 404))
        response = self.url_open(
            f"/my/settlements/{foreign.id}/confirm",
            data={"csrf_token": http.Request.csrf_token(self)},
        )
        self.assertIn(response.status_code, (403, 404))
        self.assertEqual(foreign.state, "sent")
        response = self.url_open(
            f"/my/settlements/{statement.id}/confirm",
            data={"csrf_token": http.Request.csrf_token(self)},
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(statement.state, "confirmed")
        statement = statement.sudo()
        self.assertEqual(statement.vendor_bill_id.amount_total, 82000.0)
        self.assertEqual(statement.customer_invoice_id.amount_total, 21500.0)
        self.assertEqual(statement.vendor_bill_id.state, "posted")

    def test_supplier_disputes_with_a_reason(self):
        _contract, _period, statement = self.worked_example()
        statement.action_send()
        self.authenticate("ms_portal", "ms_portal_pwd")
        self.url_open(
            f"/my/settlements/{statement.id}/dispute",
            data={"csrf_token": http.Request.csrf_token(self), "reason": ""},
        )
        self.assertEqual(statement.state, "sent")
        response = self.url_open(
            f"/my/settlements/{statement.id}/dispute",
            data={"csrf_token": http.Request.csrf_token(self), "reason": "促销分摊未经确认"},
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(statement.state, "disputed")
        self.assertEqual(statement.dispute_reason, "促销分摊未经确认")
