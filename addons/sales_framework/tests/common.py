from datetime import datetime, time

from odoo import Command
from odoo.tests import TransactionCase, new_test_user


class SalesFrameworkCase(TransactionCase):
    """A sales team of two salespeople, its manager, the reviewers, the Marketing VP and
    the General Manager, customers and untaxed products."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        roles = (
            ("seller", "张三", "sales_team.group_sale_salesman"),
            ("seller2", "李四", "sales_team.group_sale_salesman"),
            ("manager", "王经理", "sales_team.group_sale_manager"),
            ("vp", "李明华", "marketing_base.group_marketing_vp"),
            ("gm", "王建国", "marketing_base.group_general_manager"),
            ("finance", "何静", "sales_framework.group_finance_reviewer"),
            ("production", "郭勇", "sales_framework.group_production_reviewer"),
            ("quality", "林峰", "sales_framework.group_quality_reviewer"),
        )
        for attr, name, group in roles:
            user = new_test_user(
                env, login=f"sf_{attr}", name=name, groups=f"base.group_user,{group}"
            )
            setattr(cls, attr, user)
        cls.team = env["crm.team"].create(
            {
                "name": "测试销售组",
                "user_id": cls.manager.id,
                "member_ids": [Command.set([cls.seller.id, cls.seller2.id])],
            }
        )
        cls.customer = env["res.partner"].create({"name": "测试客户甲", "is_company": True})
        cls.customer2 = env["res.partner"].create({"name": "测试客户乙", "is_company": True})
        cls.product = env["product.product"].create(
            {"name": "测试电机", "list_price": 1000.0, "taxes_id": [Command.clear()]}
        )
        cls.product2 = env["product.product"].create(
            {"name": "测试变频器", "list_price": 500.0, "taxes_id": [Command.clear()]}
        )

    def order(self, partner=None, user=None, qty=1.0, price=None, product=None, **vals):
        line = {"product_id": (product or self.product).id, "product_uom_qty": qty}
        if price is not None:
            line["price_unit"] = price
        return (
            self.env["sale.order"]
            .with_user(user or self.seller)
            .create(
                dict(
                    {
                        "partner_id": (partner or self.customer).id,
                        "team_id": self.team.id,
                        "order_line": [Command.create(line)],
                    },
                    **vals,
                )
            )
        )

    def confirmed_order(self, day, partner=None, user=None, amount=1000.0):
        order = self.order(partner=partner, user=user, price=amount).sudo()
        order.action_confirm()
        order.date_order = datetime.combine(day, time(4, 0))
        return order

    def approved_plan(self, year, amount, customers=0, method="even"):
        plan = (
            self.env["sales.target.plan"]
            .with_user(self.manager)
            .create(
                {
                    "name": f"Plan {year}",
                    "year": year,
                    "budget_amount": 50000.0,
                    "team_target_ids": [
                        Command.create(
                            {
                                "team_id": self.team.id,
                                "amount": amount,
                                "new_customers": customers,
                                "split_method": method,
                            }
                        )
                    ],
                }
            )
        )
        plan.action_split()
        plan.request_validation()
        plan.with_user(self.vp)._validate_tier()
        plan.with_user(self.gm)._validate_tier()
        self.assertEqual(plan.state, "approved")
        return plan
