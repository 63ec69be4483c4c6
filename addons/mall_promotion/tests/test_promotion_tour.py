from datetime import timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.tests import HttpCase, tagged

from .common import PromotionCase


@tagged("post_install", "-at_install")
class TestPromotionTour(HttpCase, PromotionCase):
    """The whole chain in the browser, each step as its demo user: the Floor Manager
    applies from the home screen and signs, the Marketing Head reviews, the General
    Manager approves; the office files it; after its end the costs are allocated and
    appear on the participants' statements."""

    def test_floor_manager_applies_and_the_costs_reach_the_statements(self):
        today = fields.Date.context_today(self.env.user)
        start = today + timedelta(days=10)
        promotion = self.promotion(
            user=self.demo["floor"],
            kind="floor",
            name="测试 浏览器 楼层促销",
            date_start=start,
            date_end=start + timedelta(days=2),
        )
        promotion.participant_ids.with_user(self.demo["assistant"]).action_accept()
        url = f"/odoo/action-mall_promotion.action_mall_promotion/{promotion.id}"
        self.start_tour("/odoo", "mall_promotion_floor_tour", login=self.demo["floor"].login)
        self.assertEqual(promotion.state, "review")
        self.assertTrue(promotion.date_submitted)
        self.start_tour(url, "mall_promotion_review_tour", login=self.demo["head"].login)
        self.assertEqual(promotion.state, "review")
        self.start_tour(url, "mall_promotion_approve_tour", login=self.gm.login)
        self.assertEqual(promotion.state, "approved")

        promotion.with_user(self.demo["assistant"]).action_file()
        with freeze_time(promotion.date_end + timedelta(days=1)):
            promotion.with_user(self.demo["accountant"]).action_allocate()
        # Equal shares of 1,000.00: 333.34 to the lowest contract id, 333.33 each.
        allocations = promotion.allocation_ids.sorted(lambda a: a.contract_id.id)
        self.assertEqual(allocations.mapped("amount"), [333.34, 333.33, 333.33])
        end = promotion.date_end
        company = self.company
        dates = company._mall_period_dates(end.year, end.month)
        if end > dates[1]:
            month = end.replace(day=1) + timedelta(days=32)
            dates = company._mall_period_dates(month.year, month.month)
        period = self.env["mall.settlement.period"].create(
            {"company_id": company.id, "date_from": dates[0], "date_to": dates[1]}
        )
        period.with_user(self.accountant).action_prepare()
        for allocation in allocations:
            statement = period.statement_ids.filtered(
                lambda s, a=allocation: s.contract_id == a.contract_id
            )
            charge = statement.charge_ids.filtered(lambda c: c.charge_code == "promotion")
            self.assertEqual(charge, allocation.charge_id)
            self.assertEqual(charge.amount, allocation.amount)
            self.assertEqual(allocation.statement_id, statement)
