from odoo.tests import tagged

from .common import SettlementCase


@tagged("post_install", "-at_install")
class TestSettlementChargeTypes(SettlementCase):
    def test_types_are_data_records(self):
        for xmlid, code in (
            ("charge_type_storage", "storage"),
            ("charge_type_exit_delay_penalty", "exit_delay_penalty"),
            ("charge_type_promotion", "promotion"),
            ("charge_type_advertising_breach", "advertising_breach"),
            ("charge_type_electricity", "electricity"),
        ):
            charge_type = self.env.ref(f"mall_settlement.{xmlid}")
            self.assertEqual(charge_type.code, code)
            self.assertTrue(charge_type.product_id)
        storage = self.env.ref("mall_settlement.charge_type_storage")
        self.assertEqual(storage.with_context(lang="zh_CN").name, "仓储费")

    def test_new_credit_type_with_own_account(self):
        """A type another module adds as data: credited to the supplier (added to the
        payable amount, on the vendor bill), on its own account."""
        account = self.env["account.account"].search(
            [("account_type", "=", "expense"), ("company_ids", "in", self.company.id)], limit=1
        )
        credit = self.env["mall.charge.type"].create(
            {
                "name": "促销补贴",
                "code": "promotion_allowance",
                "sign": "credit",
                "product_id": self.env.ref("mall_settlement.charge_type_promotion").product_id.id,
                "account_id": account.id,
            }
        )
        contract, period, statement = self.worked_example()
        self.charge(contract, "promotion_allowance", 300.0, user=self.accountant)
        period.with_user(self.accountant).action_prepare()
        self.assertEqual(statement.charge_total, 1200.0)
        self.assertEqual(statement.payable, 60800.0)
        self.post(statement)
        bill, invoice = statement.vendor_bill_id, statement.customer_invoice_id
        self.assertEqual(bill.amount_total, 82300.0)
        self.assertEqual(invoice.amount_total, 21500.0)
        line = bill.invoice_line_ids.filtered(lambda line: line.price_subtotal == 300.0)
        self.assertEqual(line.account_id, account)
        self.assertIn(credit.name, line.name)
        self.assertEqual(bill.amount_total - invoice.amount_total, statement.payable)
