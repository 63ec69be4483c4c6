from datetime import date

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestContractTour(HttpCase):
    """The Marketing Head opens the contracts to review and signs one in the browser."""

    def test_head_signs_contract_in_browser(self):
        new_test_user(
            self.env,
            login="tour_head",
            password="tour_head_pw",
            name="冯志远",
            groups="mall_consignment.group_marketing_head",
        )
        floor = self.env["mall.floor"].create({"name": "巡检层", "code": "XJ"})
        counter = self.env["mall.counter"].create(
            {"name": "巡检专柜", "code": "XJ-01", "floor_id": floor.id, "area": 30}
        )
        category = self.env["mall.brand.category"].create({"name": "巡检品类"})
        supplier = self.env["res.partner"].create({"name": "巡检供应商有限公司"})
        brand = self.env["mall.brand"].create(
            {"name": "巡检品牌", "category_id": category.id, "partner_id": supplier.id}
        )
        product = self.env["product.product"].create({"name": "巡检商品", "default_code": "XJ1"})
        contract = self.env["mall.contract"].create(
            {
                "partner_id": supplier.id,
                "brand_id": brand.id,
                "counter_ids": [(6, 0, counter.ids)],
                "date_start": date(2026, 1, 1),
                "date_end": date(2099, 12, 31),
                "commission_rate": 18.0,
                "monthly_target": 90000.0,
                "quality_standard": "GB 18401-2010",
                "partner_representative": "张丽",
                "mall_representative_id": self.env.ref("base.user_admin").id,
                "product_ids": [(6, 0, product.ids)],
            }
        )
        contract.action_submit()
        self.start_tour(
            "/odoo/action-mall_consignment.action_mall_contract",
            "mall_contract_sign_tour",
            login="tour_head",
        )
        self.assertEqual(contract.state, "active")
        self.assertEqual(counter.contract_id, contract)
