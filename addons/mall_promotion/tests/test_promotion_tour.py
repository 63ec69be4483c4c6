from datetime import timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.tests import HttpCase, tagged

from .common import PromotionCase


@tagged("post_install", "-at_install")
class TestPromotionTour(HttpCase, PromotionCase):
    """A Floor Manager applies in the browser; the chain approves (floor, Marketing
    Head, General Manager), the office files it; after its end the allocation appears
    on the participants' statements."""

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
        self.start_tour(
            f"/odoo/action-mall_promotion.action_mall_promotion/{promotion.id}",
            "mall_promotion_floor_tour",
            login=self.demo["floor"].login,
        )
        self.assertEqual(promotion.state, "review")
        promotion.with_user(self.demo["floor"])._validate_tier()
        promotion.with_user(self.demo["head"])._validate_tier()
        promotion.with_user(self.gm)._validate_tier()
        promotion.with_user(self.demo["assistant"]).action_file()
        with freeze_time(promotion.date_end + timedelta(days=1)):
            promotion.with_user(self.demo["accountant"]).action_allocate()
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
        charges = period.statement_ids.charge_ids.filtered(lambda c: c.charge_code == "promotion")
        self.assertEqual(len(charges), 3)
        self.assertAlmostEqual(sum(charges.mapped("amount")), 1000.0, places=2)
