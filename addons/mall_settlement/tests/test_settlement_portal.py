import json
from datetime import date

from odoo import http
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from .common import SettlementCase


@tagged("post_install", "-at_install")
class TestSettlementPortal(HttpCase, SettlementCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_user = cls.portal_contact(
            cls.supplier, "张丽", "ms_portal", email="zhangli@example.com", password="ms_portal_pwd"
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

    def _post_form(self, url, **data):
        return self.url_open(url, data={"csrf_token": http.Request.csrf_token(self), **data})

    def test_supplier_accepts_then_finance_posts_and_others_stay_hidden(self):
        _contract, period, statement = self.worked_example()
        foreign = self._other_statement(period)
        self.authenticate("ms_portal", "ms_portal_pwd")
        # A draft is not on the portal.
        self.assertEqual(self.url_open(f"/my/settlements/{statement.id}").status_code, 404)
        self.assertNotIn(
            statement, self.env["mall.settlement.statement"].with_user(self.portal_user).search([])
        )
        statement.action_send()
        response = self.url_open("/my/home")
        self.assertIn("/my/settlements", response.text)
        response = self.url_open("/my/settlements")
        self.assertEqual(response.status_code, 200)
        self.assertIn(statement.name, response.text)
        self.assertNotIn(foreign.name, response.text)
        response = self.url_open(f"/my/settlements/{statement.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("60,500.00", response.text)
        self.assertEqual(self.url_open(f"/my/settlements/{foreign.id}").status_code, 404)
        response = self._post_form(f"/my/settlements/{foreign.id}/confirm")
        self.assertEqual(response.status_code, 404)
        self.assertEqual(foreign.state, "sent")
        # The supplier's own acceptance, recorded as its contact; nothing is posted yet.
        response = self._post_form(f"/my/settlements/{statement.id}/confirm")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(statement.state, "supplier_confirmed")
        self.assertEqual(statement.supplier_confirmed_by_id, self.portal_user)
        self.assertTrue(statement.supplier_confirmed_date)
        self.assertFalse(statement.supplier_confirmed_on_behalf)
        self.assertFalse(statement.vendor_bill_id)
        # The supplier cannot post, over RPC either.
        with self.assertRaises(AccessError):
            statement.with_user(self.portal_user).action_confirm()
        statement.with_user(self.finance).action_confirm()
        self.assertEqual(statement.state, "confirmed")
        self.assertEqual(statement.confirmed_by_id, self.finance)
        self.assertEqual(statement.vendor_bill_id.amount_total, 82000.0)
        self.assertEqual(statement.customer_invoice_id.amount_total, 21500.0)
        self.assertEqual(statement.vendor_bill_id.state, "posted")

    def test_internal_users_cannot_accept_as_the_supplier(self):
        _contract, _period, statement = self.worked_example()
        statement.action_send()
        for login in (self.accountant.login, self.finance.login):
            self.authenticate(login, login)
            response = self._post_form(f"/my/settlements/{statement.id}/confirm")
            self.assertEqual(response.status_code, 404)
            response = self._post_form(f"/my/settlements/{statement.id}/dispute", reason="x")
            self.assertEqual(response.status_code, 404)
        self.assertEqual(statement.state, "sent")
        self.assertFalse(statement.supplier_confirmed_by_id)
        # Finance accepts on the supplier's behalf in the back office, recorded as such.
        with self.assertRaises(AccessError):
            statement.with_user(self.accountant).action_supplier_confirm()
        statement.with_user(self.finance).action_supplier_confirm()
        self.assertEqual(statement.supplier_confirmed_by_id, self.finance)
        self.assertTrue(statement.supplier_confirmed_on_behalf)
        self.assertIn("on the supplier's behalf", statement.message_ids[0].body)

    def test_supplier_prints_own_statement_only(self):
        _contract, period, statement = self.worked_example()
        foreign = self._other_statement(period)
        statement.action_send()
        self.authenticate("ms_portal", "ms_portal_pwd")
        response = self.url_open(f"/my/settlements/{statement.id}?report_type=pdf")
        self.assertEqual(response.status_code, 200)
        self.assertIn("60,500.00", response.text)  # HTML in test mode
        self.assertEqual(
            self.url_open(f"/my/settlements/{foreign.id}?report_type=pdf").status_code, 404
        )
        report = "/report/pdf/mall_settlement.report_settlement_statement"
        response = self.url_open(f"{report}/{statement.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("60,500.00", response.text)
        response = self.url_open(f"{report}/{foreign.id}")
        self.assertNotIn("50,000.00", response.text)
        self.assertNotEqual(response.status_code, 200)

    def _jsonrpc(self, model, method, args, kwargs=None):
        response = self.url_open(
            f"/web/dataset/call_kw/{model}/{method}",
            data=json.dumps(
                {
                    "jsonrpc": "2.0",
                    "method": "call",
                    "id": 1,
                    "params": {
                        "model": model,
                        "method": method,
                        "args": args,
                        "kwargs": kwargs or {},
                    },
                }
            ),
            headers={"Content-Type": "application/json"},
        )
        return response.json()["error"]

    def test_portal_rpc_errors_carry_no_traceback(self):
        _contract, _period, statement = self.worked_example()
        statement.action_send()
        self.authenticate("ms_portal", "ms_portal_pwd")
        error = self._jsonrpc("mall.settlement.statement", "action_confirm", [statement.ids])
        self.assertFalse(error["data"]["debug"])
        self.assertEqual(error["data"]["name"], "odoo.exceptions.AccessError")
        self.assertTrue(error["data"]["message"])
        error = self._jsonrpc(
            "mall.settlement.statement", "read", [statement.ids, ["no_such_field"]]
        )
        text = json.dumps(error)
        self.assertNotIn("Traceback", text)
        self.assertNotIn("no_such_field", text)
        self.assertNotIn(".py", text)
        self.assertIn(
            error["data"]["message"],
            ("An internal error occurred. Please contact the mall.", "系统内部错误，请联系商场。"),
        )
        self.assertEqual(statement.state, "sent")
        # An internal user keeps the technical details.
        self.authenticate(self.finance.login, self.finance.login)
        error = self._jsonrpc(
            "mall.settlement.statement", "read", [statement.ids, ["no_such_field"]]
        )
        self.assertIn("Traceback", error["data"]["debug"])

    def test_supplier_disputes_with_a_reason(self):
        _contract, _period, statement = self.worked_example()
        statement.action_send()
        self.authenticate("ms_portal", "ms_portal_pwd")
        self._post_form(f"/my/settlements/{statement.id}/dispute", reason="")
        self.assertEqual(statement.state, "sent")
        response = self._post_form(
            f"/my/settlements/{statement.id}/dispute", reason="促销分摊未经确认"
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(statement.state, "disputed")
        self.assertEqual(statement.dispute_reason, "促销分摊未经确认")
