from datetime import date, timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.marketing_base.tests.common import assert_refused

from .common import SalesFrameworkCase


class TestAgreement(SalesFrameworkCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the seller's today: the order's date is read in the seller's time zone
        today = fields.Date.context_today(
            cls.env["sales.framework.agreement"].with_user(cls.seller)
        )
        cls.agreement = (
            cls.env["sales.framework.agreement"]
            .with_user(cls.seller)
            .create(
                {
                    "partner_id": cls.customer.id,
                    "date_start": today - timedelta(days=30),
                    "date_end": today + timedelta(days=30),
                    "delivery_terms": "15个工作日内交货",
                    "transport_terms": "汽车运输",
                    "penalty_terms": "逾期每日0.5‰",
                    "after_sales_terms": "质保12个月",
                    "line_ids": [
                        Command.create(
                            {"product_id": cls.product.id, "price_unit": 880.0, "quantity": 100}
                        ),
                        Command.create(
                            {"product_id": cls.product2.id, "price_unit": 450.0, "quantity": 10}
                        ),
                    ],
                }
            )
        )

    def call_off(self, qty, product=None, partner=None):
        return self.order(
            partner=partner,
            qty=qty,
            product=product,
            framework_agreement_id=self.agreement.id,
        )

    def test_salesperson_cannot_sign(self):
        with self.assertRaises(AccessError):
            self.agreement.action_sign()
        self.assertEqual(self.agreement.state, "draft")

    def test_call_offs_at_agreed_prices_and_remaining_quantities(self):
        self.agreement.with_user(self.manager).action_sign()
        self.assertEqual(self.agreement.signed_by, self.manager)
        order = self.call_off(60)
        self.assertEqual(order.order_line.price_unit, 880.0, "agreed price, not list price")
        order.action_confirm()
        self.assertEqual(order.state, "sale")
        line = self.agreement.line_ids.filtered(lambda al: al.product_id == self.product)
        self.assertEqual((line.qty_called, line.qty_remaining), (60.0, 40.0))
        self.assertEqual(self.agreement.amount_called, 52800.0)

        too_many = self.call_off(41)
        with assert_refused(self, too_many, exc=ValidationError):
            too_many.action_confirm()
        with self.assertRaisesRegex(ValidationError, "calls off 41.0 of .* only 40.0 remain"):
            too_many.action_confirm()
        rest = self.call_off(40)
        rest.action_confirm()
        self.assertEqual(line.qty_remaining, 0.0)

    def test_refused_call_offs(self):
        self.agreement.with_user(self.manager).action_sign()
        other_product = self.env["product.product"].create({"name": "未约定产品"})
        order = self.call_off(1, product=other_product)
        with self.assertRaisesRegex(ValidationError, "is not in agreement"):
            order.action_confirm()
        order = self.call_off(1, partner=self.customer2)
        with self.assertRaisesRegex(ValidationError, "not with 测试客户乙"):
            order.action_confirm()
        order = self.call_off(1)
        order.order_line.price_unit = 999.0
        with self.assertRaisesRegex(ValidationError, r"agreed at \S+\s880\.00"):
            order.action_confirm()
        order = self.call_off(1)
        order.date_order = fields.Datetime.now() + timedelta(days=31)
        with self.assertRaisesRegex(ValidationError, "outside the validity"):
            order.action_confirm()
        self.assertEqual(order.state, "draft")

    def test_unsigned_or_closed_agreement_refuses_call_offs(self):
        order = self.call_off(1)
        with self.assertRaisesRegex(ValidationError, "not signed"):
            order.action_confirm()
        self.agreement.with_user(self.manager).action_sign()
        self.agreement.with_user(self.manager).action_close()
        with self.assertRaisesRegex(ValidationError, "not signed"):
            order.action_confirm()

    def test_terms_frozen_after_signature(self):
        self.agreement.with_user(self.manager).action_sign()
        with assert_refused(self, self.agreement, exc=UserError):
            self.agreement.with_user(self.manager).date_end = date(2099, 1, 1)
        with assert_refused(self, self.agreement, exc=UserError):
            self.agreement.with_user(self.seller).write({"state": "draft"})
