from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import SettlementCase


@tagged("post_install", "-at_install")
class TestSettlementTaxes(SettlementCase):
    """VAT of a Chinese mall (goods 13% on the vendor bill, services 6% on the customer
    invoice), included in the settled amounts: the totals stay the statement's figures
    and the tax is split out inside them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Tax = cls.env["account.tax"]
        # like the Chinese localization's: tax excluded from the price
        cls.goods_vat = Tax.create(
            {"name": "测试增值税13%", "amount": 13.0, "type_tax_use": "purchase"}
        )
        cls.service_vat = Tax.create(
            {"name": "测试增值税6%", "amount": 6.0, "type_tax_use": "sale"}
        )

    def configure_taxes(self):
        goods = self.company._mall_tax_included(self.goods_vat)
        service = self.company._mall_tax_included(self.service_vat)
        self.company.write(
            {"mall_settlement_goods_tax_id": goods.id, "mall_settlement_service_tax_id": service.id}
        )
        return goods, service

    def test_tax_included_copies(self):
        goods, service = self.configure_taxes()
        self.assertTrue(goods.price_include and service.price_include)
        self.assertEqual((goods.amount, goods.type_tax_use), (13.0, "purchase"))
        self.assertEqual((service.amount, service.type_tax_use), (6.0, "sale"))
        self.assertEqual(goods.name, "测试增值税13% incl.")
        # made once
        self.assertEqual(self.company._mall_tax_included(self.goods_vat), goods)
        self.assertEqual(self.company._mall_tax_included(goods), goods)
        # 13% included in 11,300.00 is 1,300.00
        computed = goods.compute_all(11300.0, currency=self.company.currency_id)
        self.assertEqual(computed["total_included"], 11300.0)
        self.assertEqual(computed["total_excluded"], 10000.0)
        self.assertEqual(computed["taxes"][0]["amount"], 1300.0)

    def test_chinese_chart_taxes_by_default(self):
        """A company on l10n_cn gets tax-included copies of its 13% purchase and 6% sale
        VAT (the chart's taxes are found by their xml ids, made here without l10n_cn)."""
        company = self.company
        company.write(
            {"mall_settlement_goods_tax_id": False, "mall_settlement_service_tax_id": False}
        )
        for name, tax in (
            ("l10n_cn_purchase_excluded_13", self.goods_vat),
            ("l10n_cn_sales_excluded_6", self.service_vat),
        ):
            self.env["ir.model.data"].create(
                {
                    "module": "account",
                    "name": f"{company.id}_{name}",
                    "model": "account.tax",
                    "res_id": tax.id,
                }
            )
        company._mall_settlement_setup_taxes()
        goods, service = company._mall_settlement_taxes()
        self.assertEqual(goods, company._mall_tax_included(self.goods_vat))
        self.assertEqual(service, company._mall_tax_included(self.service_vat))
        self.assertTrue(goods.price_include and service.price_include)
        self.assertFalse(self.goods_vat.price_include)
        # a choice made in Settings is kept
        company.mall_settlement_goods_tax_id = False
        other = self.goods_vat.copy({"name": "其他13%", "price_include_override": "tax_included"})
        company.mall_settlement_goods_tax_id = other
        company._mall_settlement_setup_taxes()
        self.assertEqual(company.mall_settlement_goods_tax_id, other)

    def test_bill_and_invoice_totals_unchanged_with_vat_inside(self):
        goods, service = self.configure_taxes()
        _contract, _period, statement = self.worked_example()
        self.post(statement)
        # the statement's figures (T7/T8) do not change with taxes
        self.assertEqual(statement.net_sales, 80000.00)
        self.assertEqual(statement.commission, 16000.00)
        self.assertEqual(statement.shortfall, 4000.00)
        self.assertEqual(statement.charge_total, 1500.00)
        self.assertEqual(statement.payable, 60500.00)
        bill, invoice = statement.vendor_bill_id, statement.customer_invoice_id
        # goods: 80,000.00 + 2,000.00, 13% inside (9,203.54 + 230.09)
        self.assertEqual(bill.amount_total, 82000.00)
        self.assertEqual(bill.amount_tax, 9433.63)
        self.assertEqual(bill.amount_untaxed, 72566.37)
        self.assertEqual(bill.invoice_line_ids.tax_ids, goods)
        self.assertEqual(
            sorted(bill.invoice_line_ids.mapped("price_subtotal")), [1769.91, 70796.46]
        )
        # in the books: the goods without the tax, debited; the tax; the payable
        self.assertEqual(sorted(bill.invoice_line_ids.mapped("debit")), [1769.91, 70796.46])
        self.assertEqual(sum(bill.line_ids.filtered("tax_line_id").mapped("debit")), 9433.63)
        payable = bill.line_ids.filtered(lambda line: line.display_type == "payment_term")
        self.assertEqual(payable.credit, 82000.00)
        # services: 16,000.00 + 4,000.00 + 500.00 + 1,000.00, 6% inside
        self.assertEqual(invoice.amount_total, 21500.00)
        self.assertEqual(invoice.amount_tax, 1216.98)
        self.assertEqual(invoice.amount_untaxed, 20283.02)
        self.assertEqual(invoice.invoice_line_ids.tax_ids, service)
        tax_lines = invoice.line_ids.filtered("tax_line_id")
        self.assertEqual(tax_lines.tax_line_id, service)
        self.assertEqual(sum(tax_lines.mapped("credit")), 1216.98)
        self.assertEqual(bill.amount_total - invoice.amount_total, statement.payable)

    def test_no_tax_configured_no_tax_line(self):
        _contract, _period, statement = self.worked_example()
        self.post(statement)
        moves = statement.vendor_bill_id | statement.customer_invoice_id
        self.assertFalse(moves.line_ids.filtered("tax_line_id"))
        self.assertEqual(moves.mapped("amount_tax"), [0.0, 0.0])
        bill, invoice = moves
        self.assertEqual(set(moves.line_ids.mapped("analytic_distribution")), {False})
        self.assertEqual(sorted(bill.invoice_line_ids.mapped("debit")), [2000.00, 80000.00])
        self.assertEqual(sum(bill.invoice_line_ids.mapped("credit")), 0.0)
        self.assertEqual(sum(invoice.invoice_line_ids.mapped("credit")), 21500.00)
        terms = [m.line_ids.filtered(lambda x: x.display_type == "payment_term") for m in moves]
        self.assertEqual([(t.debit, t.credit) for t in terms], [(0.0, 82000.00), (21500.00, 0.0)])

    def test_analytic_distribution_models_apply(self):
        """Without a distribution model the lines carry no analytic distribution; with one
        for the supplier, its bill and invoice lines get it, as Odoo's own posting does."""
        _contract, _period, statement = self.worked_example()
        plan = self.env["account.analytic.plan"].create({"name": "专柜核算"})
        floor = self.env["account.analytic.account"].create(
            {"name": "二楼女装", "plan_id": plan.id, "company_id": self.company.id}
        )
        self.env["account.analytic.distribution.model"].create(
            {
                "partner_id": statement.partner_id.id,
                "company_id": self.company.id,
                "analytic_distribution": {str(floor.id): 100},
            }
        )
        self.post(statement)
        lines = (statement.vendor_bill_id | statement.customer_invoice_id).invoice_line_ids
        self.assertTrue(lines)
        self.assertEqual(
            set(map(str, lines.mapped("analytic_distribution"))), {str({str(floor.id): 100.0})}
        )

    def test_tax_excluded_from_price_refused(self):
        with self.refused(ValidationError, "must be of type Purchases and included in the price"):
            self.company.mall_settlement_goods_tax_id = self.goods_vat
        goods, service = self.configure_taxes()
        with self.refused(ValidationError, "Goods VAT"):
            self.company.mall_settlement_goods_tax_id = service
