from odoo.tests import TransactionCase, new_test_user

GROUP = "property_sales.group_"


class PropertySalesCase(TransactionCase):
    """A project with one building of 3 floors × 2 units and one user per role."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        roles = (
            ("consultant", "李明", f"{GROUP}sales_consultant"),
            ("consultant2", "赵敏", f"{GROUP}sales_consultant"),
            ("secretary", "王芳", f"{GROUP}project_secretary"),
            ("clerk", "陈静", f"{GROUP}contract_clerk"),
            ("service", "刘洋", f"{GROUP}customer_service"),
            ("manager", "张伟", f"{GROUP}marketing_manager"),
            ("cashier", "孙丽", "account.group_account_invoice,base.group_user"),
        )
        for attr, name, groups in roles:
            setattr(cls, attr, new_test_user(env, login=f"ps_{attr}", name=name, groups=groups))
        cls.currency = env.company.currency_id
        cls.project = env["property.project"].create(
            {
                "name": "锦绣华庭",
                "code": "JXHT",
                "deposit_standard": 50000.0,
                "deposit_minimum": 20000.0,
            }
        )
        cls.other_project = env["property.project"].create(
            {"name": "滨江壹号", "code": "BJ", "deposit_standard": 30000, "deposit_minimum": 10000}
        )
        cls.building = env["property.building"].create(
            {
                "name": "1号楼",
                "code": "1",
                "project_id": cls.project.id,
                "floor_count": 3,
                "floor_price_step": 150.0,
                "position_ids": [
                    (
                        0,
                        0,
                        {
                            "number": "01",
                            "layout": "3室2厅2卫",
                            "area": 128.37,
                            "price_per_sqm": 18500.0,
                        },
                    ),
                    (
                        0,
                        0,
                        {
                            "number": "02",
                            "layout": "2室2厅1卫",
                            "area": 89.05,
                            "price_per_sqm": 18800.0,
                        },
                    ),
                ],
            }
        )
        cls.building.action_generate_units()
        cls.units = cls.building.unit_ids
        cls.unit = cls.unit_named("1-0101")
        cls.customer = env["res.partner"].create({"name": "黄晓明", "phone": "13800138000"})
        cls.customer2 = env["res.partner"].create({"name": "周杰", "phone": "13900139000"})

    @classmethod
    def unit_named(cls, name):
        return cls.units.filtered(lambda unit: unit.name == name)

    def log_lines(self, unit):
        return self.env["property.control.log"].search([("unit_id", "=", unit.id)], order="id")

    def lock(self, unit, user=None, partner=None, **kwargs):
        kwargs.setdefault("id_number", "110101199001011237")
        lock_id = unit.with_user(user or self.secretary).lock_unit(
            (partner or self.customer).id, **kwargs
        )
        return self.env["property.unit.lock"].browse(lock_id)

    def paid_deposit(self, amount=50000.0, partner=None, unit=None):
        deposit = (
            self.env["property.deposit"]
            .with_user(self.consultant)
            .create(
                {
                    "project_id": self.project.id,
                    "partner_id": (partner or self.customer).id,
                    "unit_id": unit.id if unit else False,
                    "amount": amount,
                }
            )
        )
        deposit.action_submit()
        if deposit.state == "to_approve":
            self.review(deposit, self.manager)
        deposit.with_user(self.cashier).action_register_payment()
        return deposit.with_user(self.env.user)

    def review(self, record, user, approve=True, comment="同意"):
        """Decide the review ``user`` may give on ``record`` as that user, through the
        comment dialog the default chains open."""
        record = record.with_user(user)
        action = record.validate_tier() if approve else record.reject_tier()
        self.assertEqual(action["res_model"], "comment.wizard")
        wizard = (
            self.env["comment.wizard"]
            .with_user(user)
            .with_context(**action["context"])
            .create({"comment": comment})
        )
        wizard.add_comment()
        record.invalidate_recordset()

    def request_of(self, subscription, request_type):
        return subscription.request_ids.filtered(
            lambda request: request.request_type == request_type
        ).sorted("id")[-1:]
