from datetime import date

from odoo.exceptions import AccessError, UserError

from .common import ExitCase


class TestElimination(ExitCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.brand_b = cls.env["mall.brand"].create(
            {"name": "云裳", "category_id": cls.category.id, "partner_id": cls.supplier.id}
        )
        # A: target 100,000, sells 50,000 a month (below target, last of the category).
        cls.weak = cls.signed_contract()
        # B: same category, target 50,000, sells 80,000.
        cls.strong = cls.signed_contract(
            brand_id=cls.brand_b.id,
            counter_ids=[(6, 0, cls.counter_b.ids)],
            monthly_target=50000.0,
        )

    def settle_month(self, month, weak=50000.0, strong=80000.0):
        """Ledger rows, prepared period, statements sent: a settled month."""
        self.sales(self.weak, [(date(2029, month, 10), weak, 0.0)])
        self.sales(self.strong, [(date(2029, month, 10), strong, 0.0)])
        period = self.period(2029, month, user=self.accountant)
        period.action_prepare()
        for statement in period.statement_ids:
            statement.with_user(self.accountant).action_send()
        return period

    def entries(self, contract):
        return self.env["mall.elimination"].search([("contract_id", "=", contract.id)])

    def test_e1_e2_from_settled_statements(self):
        """E1 and E2 from the statements: two months warn the Buyer and the Floor
        Manager, the third proposes the contract with the months and figures."""
        Elimination = self.env["mall.elimination"]
        self.settle_month(1)
        Elimination._detect(self.company)
        self.assertFalse(self.entries(self.weak))
        self.settle_month(2)
        Elimination._detect(self.company)
        warned = self.entries(self.weak)
        self.assertEqual(sorted(warned.mapped("reason")), ["below_target", "ranked_last"])
        self.assertEqual(set(warned.mapped("state")), {"warning"})
        self.assertIn(self.floor_manager, warned.activity_ids.user_id)
        self.assertFalse(self.entries(self.strong))
        march = self.settle_month(3)
        Elimination._detect(self.company)
        proposed = self.entries(self.weak)
        self.assertEqual(len(proposed), 2)
        self.assertEqual(set(proposed.mapped("state")), {"proposed"})
        below = proposed.filtered(lambda e: e.reason == "below_target")
        self.assertIn(march, below.period_ids)
        self.assertEqual(len(below.period_ids), 3)
        self.assertIn("50,000.00", below.detail)
        self.assertIn("100,000.00", below.detail)
        self.assertFalse(self.entries(self.strong))
        # Running again creates nothing new.
        Elimination._detect(self.company)
        self.assertEqual(len(self.entries(self.weak)), 2)

    def test_draft_statements_do_not_count(self):
        for month in (1, 2, 3):
            self.sales(self.weak, [(date(2029, month, 10), 10.0, 0.0)])
            self.period(2029, month, user=self.accountant).action_prepare()
        self.env["mall.elimination"]._detect(self.company)
        self.assertFalse(self.entries(self.weak))

    def test_a_good_month_breaks_the_streak(self):
        self.settle_month(1)
        self.settle_month(2, weak=150000.0, strong=80000.0)
        self.settle_month(3)
        self.env["mall.elimination"]._detect(self.company)
        self.assertFalse(self.entries(self.weak))

    def test_e3_manual_exit_and_compensation(self):
        """E3 by hand; E5: an approved entry ends in exit or compensation."""
        entry = (
            self.env["mall.elimination"]
            .with_user(self.buyer)
            .create(
                {
                    "contract_id": self.weak.id,
                    "reason": "subletting",
                    "detail": "专柜转租给第三方",
                }
            )
        )
        self.assertEqual(entry.state, "proposed")
        with self.assertRaises(AccessError):
            entry.with_user(self.buyer).action_approve()
        with self.assertRaises(AccessError):
            self.env["mall.elimination"].with_user(self.accountant).create(
                {"contract_id": self.weak.id, "reason": "licence"}
            )
        entry.with_user(self.head).action_approve()
        entry.with_user(self.buyer).action_exit()
        notice = entry.exit_notice_id
        self.assertEqual(notice.reason, "subletting")
        notice.with_user(self.floor_manager).action_submit()
        self.approve(notice, self.head)
        notice.with_user(self.floor_manager).action_done(notice.date_exit)
        self.assertEqual((entry.state, entry.outcome), ("done", "exit"))

        other = (
            self.env["mall.elimination"]
            .with_user(self.buyer)
            .create({"contract_id": self.strong.id, "reason": "refused_costs"})
        )
        other.with_user(self.head).action_approve()
        with self.refused(UserError, "compensation amount"):
            other.with_user(self.buyer).action_compensation_paid()
        other.with_user(self.buyer).compensation_amount = 20000.0
        other.with_user(self.buyer).action_compensation_paid()
        self.assertEqual((other.state, other.outcome), ("done", "compensation"))
