from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.marketing_base.tests.common import assert_refused

from .common import PropertySalesCase

# demo users of the README, by role
DEMO_USERS = ("consultant", "secretary", "clerk", "service", "manager", "cashier")

# button -> groups whose users may press it (any of them)
CONSULTANT = "property_sales.group_sales_consultant"
LOCKING = ("property_sales.group_project_secretary", "property_sales.group_contract_clerk")
MANAGER = ("property_sales.group_marketing_manager",)
CASHIER = ("account.group_account_invoice",)
CLERK = "property_sales.group_contract_clerk"
SERVICE = "property_sales.group_customer_service"


@tagged("post_install", "-at_install")
class TestRoles(PropertySalesCase):
    """As each property demo user: a direct ``state`` write on each workflow model, and
    each button outside the user's groups, are refused and change nothing."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.demo = {name: cls.env.ref(f"property_sales.demo_user_{name}") for name in DEMO_USERS}
        # the test project belongs to the demo consultant's customers
        cls.consultant = cls.demo["consultant"]

    def assert_refused(self, records, call, msg):
        """``call`` raises and leaves ``records`` as they were."""
        with self.subTest(msg), assert_refused(self, records, exc=UserError):
            call()

    def fixtures(self):
        """One record in the state in which each button would work."""
        units = {name: self.unit_named(name) for name in ("1-0101", "1-0102", "1-0201")}
        units["1-0102"].action_withhold()
        lock = self.lock(units["1-0201"])
        draft_deposit = (
            self.env["property.deposit"]
            .with_user(self.consultant)
            .create({"project_id": self.project.id, "partner_id": self.customer.id, "amount": 1e4})
        )
        approved_deposit = (
            self.env["property.deposit"]
            .with_user(self.consultant)
            .create({"project_id": self.project.id, "partner_id": self.customer.id, "amount": 5e4})
        )
        approved_deposit.action_submit()
        free_deposit = self.paid_deposit(30000.0, partner=self.customer2)
        draft = self.subscription("1-0202", self.customer)
        confirmed = self.subscription("1-0301", self.customer2, confirm=True)
        confirmed.write(
            {"mortgage_documents": True, "contract_registered": True, "return_reason": "测试"}
        )
        contracted = self.subscription("1-0302", self.customer2, confirm=True)
        contracted.write({"mortgage_documents": True, "contract_registered": True})
        contracted.action_contract()
        return {
            "property.unit": {
                "action_withhold": (units["1-0101"], MANAGER),
                "action_make_available": (units["1-0102"], MANAGER),
                "action_open_lock_wizard": (units["1-0101"], LOCKING),
                "action_request_lock": (units["1-0101"], (CONSULTANT,)),
            },
            "property.unit.lock": {"action_release": (lock, LOCKING)},
            "property.deposit": {
                "action_submit": (draft_deposit, (CONSULTANT,)),
                "action_register_payment": (approved_deposit, CASHIER),
                "action_refund": (free_deposit, CASHIER),
            },
            "property.subscription": {
                "action_confirm": (draft, (CONSULTANT,)),
                "action_contract": (
                    confirmed,
                    (
                        "property_sales.group_contract_clerk",
                        "property_sales.group_customer_service",
                    ),
                ),
                "action_deliver": (contracted, ("property_sales.group_customer_service",)),
                "action_request_return": (confirmed, (CONSULTANT,)),
            },
        }

    def subscription(self, unit_name, partner, confirm=False):
        unit = self.unit_named(unit_name)
        deposit = self.paid_deposit(50000.0, partner=partner, unit=unit)
        self.lock(unit, partner=partner, id_number=None, deposit_id=deposit.id)
        subscription = (
            self.env["property.subscription"]
            .with_user(self.consultant)
            .create({"unit_id": unit.id, "partner_id": partner.id})
        )
        if confirm:
            subscription.action_confirm()
        return subscription.with_user(self.env.user)

    def test_buttons_outside_the_users_groups_are_refused(self):
        buttons = self.fixtures()
        checked = 0
        for login, user in self.demo.items():
            for model, methods in buttons.items():
                for method, (record, groups) in methods.items():
                    if any(user.has_group(group) for group in groups):
                        continue
                    self.assert_refused(
                        record,
                        lambda r=record, m=method, u=user: getattr(r.with_user(u), m)(),
                        f"{login} {model}.{method}",
                    )
                    checked += 1
        # every role is refused something, the cashier nearly everything
        self.assertGreaterEqual(checked, 35)

    def test_nobody_writes_a_state_directly(self):
        buttons = self.fixtures()
        subscription = buttons["property.subscription"]["action_confirm"][0]
        confirmed = buttons["property.subscription"]["action_request_return"][0]
        confirmed.action_request_return()
        request = confirmed.request_ids
        self.assertEqual(request.state, "pending")
        records = {
            "property.subscription.request": (request, "approved"),
            "property.unit": (buttons["property.unit"]["action_withhold"][0], "delivered"),
            "property.unit.lock": (buttons["property.unit.lock"]["action_release"][0], "released"),
            "property.deposit": (buttons["property.deposit"]["action_submit"][0], "paid"),
            "property.subscription": (subscription, "contracted"),
        }
        for login, user in self.demo.items():
            for model, (record, state) in records.items():
                self.assert_refused(
                    record,
                    lambda r=record, u=user, s=state: r.with_user(u).write({"state": s}),
                    f"{login} writes {model}.state",
                )
