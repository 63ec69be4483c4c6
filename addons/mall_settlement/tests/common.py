from datetime import date

from odoo.tests import new_test_user

from odoo.addons.mall_consignment.tests.common import MallCase


class SettlementCase(MallCase):
    """MallCase plus finance users, untaxed settlement products, and helpers that load
    ledger rows and prepare the period of a month (2029, clear of the demo period)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.finance = new_test_user(
            env,
            login="ms_finance",
            name="财务 李娜",
            groups="base.group_user,account.group_account_invoice",
        )
        cls.finance_manager = new_test_user(
            env,
            login="ms_finance_mgr",
            name="财务经理 王强",
            groups="base.group_user,account.group_account_manager",
        )
        cls.company = env.company
        cls.company.mall_cutoff_day = 25
        Product = env["product.product"]

        def product(name):
            return Product.create(
                {
                    "name": name,
                    "type": "service",
                    "taxes_id": [(6, 0, [])],
                    "supplier_taxes_id": [(6, 0, [])],
                }
            )

        cls.company.write(
            {
                "mall_settlement_goods_product_id": product("测试 货款").id,
                "mall_settlement_commission_product_id": product("测试 扣点").id,
                "mall_settlement_shortfall_product_id": product("测试 保底差额").id,
            }
        )
        for charge_type in env["mall.charge.type"].search([]):
            charge_type.product_id = product(f"测试 {charge_type.code}")

    @classmethod
    def supplier_contract(cls, name, counter, brand_name=None):
        """A signed contract of a new supplier ``name`` and a new brand on ``counter``."""
        partner = cls.env["res.partner"].create({"name": name, "is_company": True})
        brand = cls.env["mall.brand"].create(
            {"name": brand_name or name, "category_id": cls.category.id}
        )
        return cls.signed_contract(
            partner_id=partner.id, brand_id=brand.id, counter_ids=[(6, 0, counter.ids)]
        )

    @classmethod
    def portal_contact(cls, company, name, login, email=False, password=None):
        """A portal user for a new contact ``name`` of ``company`` (password: the login
        unless given)."""
        contact = cls.env["res.partner"].create(
            {"name": name, "parent_id": company.id, "email": email}
        )
        return new_test_user(
            cls.env,
            login=login,
            password=password,
            groups="base.group_portal",
            partner_id=contact.id,
        )

    @classmethod
    def sales(cls, contract, rows, counter=None):
        """rows: [(date, amount, discount)] on the contract's (first) counter."""
        return cls.env["mall.sale.line"].create(
            [
                {
                    "date": day,
                    "counter_id": (counter or contract.counter_ids[:1]).id,
                    "product_id": cls.product.id,
                    "amount": amount,
                    "discount_amount": discount,
                }
                for day, amount, discount in rows
            ]
        )

    @classmethod
    def charge(cls, contract, charge_type, amount, day=date(2029, 3, 10), user=None):
        Charge = cls.env["mall.supplier.charge"]
        if user:
            Charge = Charge.with_user(user)
        return Charge.create(
            {
                "contract_id": contract.id,
                "charge_type_id": cls.env["mall.charge.type"]._by_code(charge_type).id,
                "amount": amount,
                "date": day,
            }
        )

    @classmethod
    def period(cls, year=2029, month=3, user=None):
        Period = cls.env["mall.settlement.period"]
        if user:
            Period = Period.with_user(user)
        return Period.create_for_month(year, month, cls.company)

    def post(self, statement, on_behalf=True):
        """Send (floor accountant), accept on the supplier's behalf and post (finance)."""
        if statement.state == "draft":
            statement.with_user(self.accountant).action_send()
        if on_behalf and statement.state == "sent":
            statement.with_user(self.finance).action_supplier_confirm()
        statement.with_user(self.finance).action_confirm()
        return statement

    def worked_example(self):
        """T-example: flat 20%, target 100,000, s = 60%; N = 80,000, D = 5,000; charges
        electricity 500 and promotion share 1,000; prepared by the floor accountant."""
        contract = self.signed_contract()
        self.sales(
            contract,
            [
                (date(2029, 2, 26), 30000.0, 2000.0),
                (date(2029, 3, 10), 25000.0, 1000.0),
                (date(2029, 3, 25), 25000.0, 2000.0),
                # Outside the period: before and after.
                (date(2029, 2, 25), 999.0, 9.0),
                (date(2029, 3, 26), 888.0, 8.0),
            ],
        )
        self.charge(contract, "electricity", 500.0, user=self.accountant)
        self.charge(contract, "promotion", 1000.0, date(2029, 3, 25), user=self.accountant)
        self.charge(contract, "advertising", 777.0, date(2029, 3, 26), user=self.accountant)
        period = self.period(user=self.accountant)
        period.action_prepare()
        statement = period.statement_ids.filtered(lambda s: s.contract_id == contract)
        return contract, period, statement
