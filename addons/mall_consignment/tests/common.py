import base64
from contextlib import contextmanager
from datetime import date

from odoo.tests import TransactionCase, new_test_user

GROUP = "mall_consignment.group_"


class MallCase(TransactionCase):
    """Two floors, counters on each, a supplier with a brand and products, and one
    user per mall role; ``contract()`` drafts a contract with every mandatory term."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        roles = (
            ("head", "冯志远", "marketing_head"),
            ("buyer", "孙志强", "buyer"),
            ("admin_user", "周静", "contract_admin"),
            ("visual", "吴晓丽", "visual_merchandiser"),
            ("assistant", "郑敏", "marketing_assistant"),
            ("floor_manager", "赵建华", "floor_manager"),
            ("floor_manager3", "钱多多", "floor_manager"),
            ("accountant", "钱晓梅", "floor_accountant"),
        )
        for attr, name, group in roles:
            user = new_test_user(env, login=f"mc_{attr}", name=name, groups=f"{GROUP}{group}")
            setattr(cls, attr, user)
        cls.floor2 = env["mall.floor"].create(
            {
                "name": "测试二层",
                "code": "TF2",
                "manager_ids": [(6, 0, cls.floor_manager.ids)],
                "accountant_ids": [(6, 0, cls.accountant.ids)],
            }
        )
        cls.floor3 = env["mall.floor"].create(
            {"name": "测试三层", "code": "TF3", "manager_ids": [(6, 0, cls.floor_manager3.ids)]}
        )
        cls.counter = env["mall.counter"].create(
            {"name": "女装岛柜", "code": "TF2-01", "floor_id": cls.floor2.id, "area": 40.0}
        )
        cls.counter_b = env["mall.counter"].create(
            {
                "name": "形象厅",
                "code": "TF2-02",
                "floor_id": cls.floor2.id,
                "area": 80.0,
                "counter_type": "image_hall",
            }
        )
        cls.counter3 = env["mall.counter"].create(
            {"name": "男装岛柜", "code": "TF3-01", "floor_id": cls.floor3.id, "area": 30.0}
        )
        cls.category = env["mall.brand.category"].create({"name": "测试女装"})
        cls.supplier = env["res.partner"].create(
            {"name": "杭州丝语服饰有限公司", "is_company": True}
        )
        cls.brand = env["mall.brand"].create(
            {"name": "丝语", "category_id": cls.category.id, "partner_id": cls.supplier.id}
        )
        cls.product = env["product.product"].create(
            {"name": "丝语 连衣裙", "default_code": "TSY01", "list_price": 899.0}
        )
        cls.product2 = env["product.product"].create(
            {"name": "丝语 针织衫", "default_code": "TSY02", "list_price": 599.0}
        )
        cls.unlisted = env["product.product"].create(
            {"name": "其他品牌 外套", "default_code": "TXX99", "list_price": 999.0}
        )

    @classmethod
    def contract(cls, **values):
        vals = {
            "partner_id": cls.supplier.id,
            "brand_id": cls.brand.id,
            "counter_ids": [(6, 0, cls.counter.ids)],
            "date_start": date(2026, 1, 1),
            "date_end": date(2030, 12, 31),
            "commission_mode": "flat",
            "commission_rate": 20.0,
            "monthly_target": 100000.0,
            "discount_share_ratio": 60.0,
            "quality_standard": "GB/T 2660-2017",
            "partner_representative": "张丽",
            "mall_representative_id": cls.head.id,
            "product_ids": [(6, 0, (cls.product | cls.product2).ids)],
        }
        vals.update(values)
        return cls.env["mall.contract"].create(vals)

    @classmethod
    def signed_contract(cls, **values):
        contract = cls.contract(**values)
        contract.action_submit()
        contract.with_user(cls.head).action_sign()
        return contract

    @contextmanager
    def refused(self, exception, pattern):
        """Like assertRaisesRegex, inside a savepoint: the database is left unchanged."""
        with self.assertRaises(exception) as caught:
            yield caught
        self.assertRegex(str(caught.exception), pattern)

    @staticmethod
    def csv_file(lines, header="date,counter,product,quantity,amount,discount"):
        return ("\n".join([header, *lines]) + "\n").encode("utf-8")

    @staticmethod
    def b64(content):
        return base64.b64encode(content)


DEMO_LOGINS = {
    "head": "user_marketing_head",
    "assistant": "user_marketing_assistant",
    "buyer": "user_buyer",
    "contracts": "user_contract_admin",
    "visual": "user_visual_merchandiser",
    "floor": "user_floor_manager",
    "accountant": "user_floor_accountant",
}


class MallDemoCase(MallCase):
    """MallCase with the mall's demo users (README logins) on the test floors: the
    demo floor manager and accountant run the test floor 2."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.demo = {
            login: cls.env.ref(f"mall_consignment.{xmlid}") for login, xmlid in DEMO_LOGINS.items()
        }
        cls.floor2.write(
            {
                "manager_ids": [(4, cls.demo["floor"].id)],
                "accountant_ids": [(4, cls.demo["accountant"].id)],
            }
        )
