from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import MallDemoCase

MODELS = (
    "mall.floor",
    "mall.counter",
    "mall.brand",
    "mall.contract",
    "mall.contract.tier",
    "mall.contract.amendment",
    "mall.supplier.document",
    "mall.sale.line",
    "mall.sale.batch",
    "mall.product.request",
    "mall.replenishment",
    "mall.replenishment.line",
)


@tagged("post_install", "-at_install")
class TestMultiCompany(MallDemoCase):
    """Issue 9: companies stay apart — a second company's users see and touch nothing of
    the first, and a record mixing companies is refused."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_a = cls.env.company
        cls.company_b = cls.env["res.company"].create({"name": "第二商场"})
        cls.head_b = new_test_user(
            cls.env,
            login="mc_head_b",
            groups="mall_consignment.group_marketing_head",
            company_id=cls.company_b.id,
            company_ids=[(6, 0, cls.company_b.ids)],
        )
        cls.floor_b = cls.env["mall.floor"].create(
            {"name": "B 一层", "code": "B1", "company_id": cls.company_b.id}
        )
        cls.counter_b1 = cls.env["mall.counter"].create(
            {"name": "B 岛柜", "code": "B1-01", "floor_id": cls.floor_b.id, "area": 20.0}
        )
        cls.contract_a = cls.signed_contract(
            commission_mode="progressive",
            tier_ids=[
                (0, 0, {"lower_bound": 0, "rate": 10}),
                (0, 0, {"lower_bound": 1000, "rate": 12}),
            ],
        )
        cls.env["mall.sale.line"].create(
            {
                "date": "2026-03-01",
                "counter_id": cls.counter.id,
                "product_id": cls.product.id,
                "amount": 100.0,
            }
        )
        cls.env["mall.supplier.document"].create(
            {
                "partner_id": cls.supplier.id,
                "document_type": "business_licence",
                "number": "91330100",
                "date_issue": date(2025, 1, 1),
            }
        )

    def test_second_company_users_see_and_touch_nothing_of_the_first(self):
        for model in MODELS:
            with self.subTest(model=model):
                Model = self.env[model].with_user(self.head_b)
                self.assertFalse(
                    Model.search([("id", "in", self.env[model].search([]).ids)]).filtered(
                        lambda r: "company_id" in r._fields
                        and r.sudo().company_id == self.company_a
                    )
                )
        with self.assertRaises(AccessError):
            self.contract_a.with_user(self.head_b).read(["name"])
        with self.assertRaises(AccessError):
            self.contract_a.tier_ids.with_user(self.head_b).read(["rate"])
        with self.assertRaises(AccessError):
            self.counter.with_user(self.head_b).write({"name": "x"})
        self.assertEqual(
            self.env["mall.sale.line"]
            .with_user(self.head_b)
            .search_count([("counter_id", "=", self.counter.id)]),
            0,
        )

    def test_records_mixing_companies_are_refused(self):
        with self.assertRaises(UserError):
            self.contract(counter_ids=[(6, 0, (self.counter_b | self.counter_b1).ids)])
        product_b = self.env["product.product"].create(
            {"name": "B 商品", "default_code": "B-01", "company_id": self.company_b.id}
        )
        with self.assertRaises(UserError):
            self.contract(product_ids=[(6, 0, product_b.ids)])
        brand_b = self.env["mall.brand"].create(
            {
                "name": "B 品牌",
                "category_id": self.category.id,
                "company_id": self.company_b.id,
            }
        )
        with self.assertRaises(UserError):
            self.contract(brand_id=brand_b.id)
        with self.assertRaises(UserError):
            self.env["mall.product.request"].create(
                {
                    "counter_id": self.counter_b1.id,
                    "contract_id": self.contract_a.id,
                    "product_name": "x",
                    "list_price": 1.0,
                }
            )
        with self.assertRaises(UserError):
            self.env["mall.floor"].create(
                {
                    "name": "混合",
                    "code": "MX",
                    "company_id": self.company_b.id,
                    "manager_ids": [(6, 0, self.demo["floor"].ids)],
                }
            )

    def test_second_company_user_cannot_record_sales_on_the_first(self):
        Line = self.env["mall.sale.line"].with_user(self.head_b)
        with self.assertRaises(UserError):
            Line.create(
                {
                    "date": "2026-03-02",
                    "counter_id": self.counter.id,
                    "product_id": self.product.id,
                    "amount": 10.0,
                }
            )
        _batch, errors = Line.with_company(self.company_b)._import_file(
            self.csv_file(["2026-03-02,TF2-01,TSY01,1,10,0"]), "b.csv"
        )
        self.assertTrue(errors)
