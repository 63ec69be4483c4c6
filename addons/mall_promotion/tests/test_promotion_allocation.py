from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.marketing_base.tests.common import assert_refused

from ..models.mall_promotion import largest_remainder
from .common import PromotionCase


@tagged("post_install", "-at_install")
class TestPromotionAllocation(PromotionCase):
    """M5: p × E divided among the participants to the cent by largest remainder, one
    supplier charge each in the period of the promotion's last day."""

    def amounts(self, promotion):
        return {a.contract_id: a.amount for a in promotion.allocation_ids}

    def test_largest_remainder_ties_go_to_the_first_listed(self):
        self.assertEqual(
            largest_remainder(100000, [(1, 1), (2, 1), (3, 1)]), {1: 33334, 2: 33333, 3: 33333}
        )
        self.assertEqual(largest_remainder(2, [(7, 1), (3, 1), (5, 1)]), {7: 1, 3: 1, 5: 0})
        parts = largest_remainder(99999, [(1, 12345), (2, 67891), (3, 1), (4, 0)])
        self.assertEqual(sum(parts.values()), 99999)
        self.assertEqual(parts[4], 0)

    def test_equal_thirds_of_one_thousand_add_up_to_the_cent(self):
        promotion = self.approve(self.promotion())
        self.allocate(promotion)
        self.assertEqual(promotion.state, "allocated")
        self.assertEqual(
            self.amounts(promotion),
            {self.contract_a: 333.34, self.contract_b: 333.33, self.contract_c: 333.33},
        )
        charges = promotion.allocation_ids.charge_id
        self.assertEqual(len(charges), 3)
        self.assertEqual(set(charges.mapped("charge_code")), {"promotion"})
        self.assertEqual(set(charges.mapped("date")), {date(2029, 3, 10)})
        self.assertAlmostEqual(sum(charges.mapped("amount")), 1000.0, places=2)

    def test_by_net_sales_in_the_window_with_share_p(self):
        # p = 37.5 % of E = 1,234.57 + 98.76 → p × E = 500.00 (499.99875 half up)
        promotion = self.promotion(
            allocation_method="sales", supplier_share=37.5, expenses=(1234.57, 98.76)
        )
        self.assertEqual(promotion.supplier_amount, 500.0)
        self.sales(self.contract_a, [(date(2029, 3, 2), 1000.0, 0.0), (date(2029, 3, 20), 9e5, 0)])
        self.sales(self.contract_b, [(date(2029, 3, 5), 1000.0, 0.0)])
        self.sales(self.contract_c, [(date(2029, 3, 10), 1000.0, 0.0), (date(2029, 2, 28), 5.0, 0)])
        self.approve(promotion)
        self.allocate(promotion)
        amounts = self.amounts(promotion)
        self.assertEqual(amounts[self.contract_a], 166.67)
        self.assertEqual(amounts[self.contract_b], 166.67)
        self.assertEqual(amounts[self.contract_c], 166.66)
        self.assertEqual(round(sum(amounts.values()), 2), 500.0)
        basis = {a.contract_id: a.basis for a in promotion.allocation_ids}
        self.assertEqual(basis[self.contract_a], 1000.0)

    def test_fixed_amounts_must_add_up(self):
        promotion = self.promotion(allocation_method="fixed", expenses=(600.0,))
        lines = promotion.participant_ids.sorted(lambda p: p.contract_id.id)
        lines[0].with_user(self.demo["assistant"]).fixed_amount = 100.0
        lines[1].with_user(self.demo["assistant"]).fixed_amount = 200.0
        lines[2].with_user(self.demo["assistant"]).fixed_amount = 299.99
        self.approve(promotion)
        with self.refused(UserError, r"add up to \D*599\.99, not to p × E = \D*600\.00"):
            self.allocate(promotion)
        lines[2].sudo().fixed_amount = 300.0
        self.allocate(promotion)
        self.assertEqual(sorted(self.amounts(promotion).values()), [100.0, 200.0, 300.0])

    def test_a_refusing_supplier_bears_nothing(self):
        promotion = self.promotion()
        with self.refused(UserError, "waits for the acceptance"):
            with self.env.cr.savepoint():
                from freezegun import freeze_time

                with freeze_time("2029-02-01"):
                    promotion.participant_ids[:2].with_user(self.demo["assistant"]).action_accept()
                    promotion.action_submit()
                    promotion.with_user(self.gm)._validate_tier()
        promotion.participant_ids.filtered(lambda p: p.contract_id == self.contract_c).with_user(
            self.demo["assistant"]
        ).action_refuse("不参加")
        self.approve(promotion)
        self.allocate(promotion)
        self.assertEqual(self.amounts(promotion), {self.contract_a: 500.0, self.contract_b: 500.0})

    def test_rerun_replaces_then_refused_after_the_statement_is_sent(self):
        promotion = self.approve(self.promotion())
        self.allocate(promotion)
        first = promotion.allocation_ids.charge_id
        self.allocate(promotion, user=self.demo["accountant"])
        self.assertFalse(first.exists())
        self.assertEqual(len(promotion.allocation_ids), 3)
        period = self.period(user=self.accountant)
        period.action_prepare()
        statement = period.statement_ids.filtered(lambda s: s.contract_id == self.contract_a)
        self.assertEqual(statement.charge_ids.mapped("amount"), [333.34])
        statement.with_user(self.accountant).action_send()
        with assert_refused(self, promotion.allocation_ids.charge_id, exc=UserError):
            self.allocate(promotion)

    def test_allocation_waits_for_the_end_and_the_roles(self):
        promotion = self.approve(self.promotion())
        from freezegun import freeze_time

        with freeze_time("2029-03-10"), self.refused(UserError, "allocated after it ends"):
            promotion.with_user(self.demo["assistant"]).action_allocate()
        with self.refused(AccessError, "."):
            self.allocate(promotion, user=self.demo["buyer"])
