from datetime import date

from freezegun import freeze_time

from odoo.addons.mall_consignment.tests.common import DEMO_LOGINS
from odoo.addons.mall_settlement.tests.common import SettlementCase

BEFORE = "2029-02-01"  # applications and approvals
AFTER = "2029-03-12"  # the promotion of 1-10 March 2029 has ended


class PromotionCase(SettlementCase):
    """SettlementCase with the demo users of the roles (the demo floor manager and
    accountant on test floor 2) and three signed contracts on floor 2."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.demo = {
            login: env.ref(f"mall_consignment.{xmlid}") for login, xmlid in DEMO_LOGINS.items()
        }
        cls.gm = env.ref("marketing_base.user_general_manager")
        cls.floor2.write(
            {
                "manager_ids": [(4, cls.demo["floor"].id)],
                "accountant_ids": [(4, cls.demo["accountant"].id)],
            }
        )
        cls.counter_c = env["mall.counter"].create(
            {"name": "鞋区岛柜", "code": "TF2-03", "floor_id": cls.floor2.id, "area": 20.0}
        )
        cls.contract_a = cls.signed_contract()
        cls.contract_b = cls.signed_contract(counter_ids=[(6, 0, cls.counter_b.ids)])
        cls.contract_c = cls.signed_contract(counter_ids=[(6, 0, cls.counter_c.ids)])
        cls.contracts = cls.contract_a | cls.contract_b | cls.contract_c

    def promotion(self, user=None, expenses=(1000.0,), **values):
        vals = {
            "name": "测试 三八节",
            "kind": "mall",
            "date_start": date(2029, 3, 1),
            "date_end": date(2029, 3, 10),
            "floor_ids": [(6, 0, self.floor2.ids)],
            "contract_ids": [(6, 0, self.contracts.ids)],
            "supplier_share": 100.0,
            "allocation_method": "equal",
            "expense_ids": [
                (0, 0, {"name": f"广告 {n}", "amount": amount}) for n, amount in enumerate(expenses)
            ],
        }
        vals.update(values)
        return self.env["mall.promotion"].with_user(user or self.demo["assistant"]).create(vals)

    def approve(self, promotion):
        """Accept for every participant, submit and approve by the chain (as of BEFORE)."""
        with freeze_time(BEFORE):
            pending = promotion.participant_ids.filtered(lambda p: p.state == "pending")
            pending.with_user(self.demo["assistant"]).action_accept()
            promotion.action_submit()
            promotion.with_user(self.gm)._validate_tier()
        self.assertEqual(promotion.state, "approved")
        return promotion

    def allocate(self, promotion, user=None):
        with freeze_time(AFTER):
            promotion.with_user(user or self.demo["assistant"]).action_allocate()
        return promotion.allocation_ids
