from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import BEFORE, PromotionCase


@tagged("post_install", "-at_install")
class TestAdRegister(PromotionCase):
    """A1-A4: the checks at registration, each naming its rule and figure; breaches."""

    def ad(self, user=None, **values):
        vals = {
            "counter_id": self.counter.id,
            "kind": "pop",
            "width": 30.0,
            "height": 40.0,
            "top_height": 150.0,
            "date_from": date(2029, 3, 1),
            "date_to": date(2029, 3, 31),
        }
        vals.update(values)
        return self.env["mall.ad.placement"].with_user(user or self.demo["visual"]).create(vals)

    def test_a1_nothing_hangs_higher_than_170(self):
        self.ad(top_height=170.0).action_register()
        with self.refused(UserError, ".*170 cm.*171"):
            self.ad(top_height=171.0).action_register()

    def test_a1_large_posters_only_on_floor_stands(self):
        with self.refused(UserError, ".*4K.*40 × 60 cm"):
            self.ad(kind="poster", width=40.0, height=60.0).action_register()
        stand = self.ad(kind="floor_stand", width=40.0, height=60.0, top_height=180.0)
        stand.action_register()
        self.assertEqual(stand.state, "registered")

    def test_a2_one_floor_stand_per_counter(self):
        self.ad(kind="floor_stand").action_register()
        with self.refused(UserError, ".*already has 1"):
            self.ad(kind="floor_stand").action_register()
        self.ad(
            kind="floor_stand", date_from=date(2029, 4, 1), date_to=date(2029, 4, 30)
        ).action_register()

    def test_a3_supplier_ads_at_image_halls_within_size(self):
        with self.refused(UserError, ".*image halls"):
            self.ad(kind="supplier_ad").action_register()
        with self.refused(UserError, ".*80 × 110 cm.*81 × 100 cm"):
            self.ad(
                kind="supplier_ad", counter_id=self.counter_b.id, width=81.0, height=100.0
            ).action_register()
        wall = self.ad(
            kind="supplier_ad", counter_id=self.counter_b.id, top_height=220.0, wall_mounted=True
        )
        wall.action_register()
        self.assertEqual(wall.state, "review")
        wall.with_user(self.demo["head"])._validate_tier()
        self.assertEqual(wall.state, "registered")

    def test_a4_banners_and_approvals(self):
        with self.refused(UserError, "Banners only"):
            self.ad(kind="banner").action_register()
        promotion = self.approve(self.promotion())
        banner = self.ad(kind="banner", promotion_id=promotion.id)
        banner.action_register()
        self.assertEqual(banner.state, "registered")
        box = self.ad(kind="light_box")
        box.action_register()
        self.assertEqual(box.state, "review")
        with self.refused(AccessError, "."):
            self.ad(user=self.demo["buyer"])

    def test_breach_fine_becomes_a_supplier_charge(self):
        ad = self.ad()
        ad.action_register()
        breach = (
            self.env["mall.ad.breach"]
            .with_user(self.demo["floor"])
            .create(
                {
                    "placement_id": ad.id,
                    "rule": "A1",
                    "description": "海报悬挂过高",
                    "penalty": "fine",
                    "fine_amount": 200.0,
                    "date": date(2029, 3, 5),
                }
            )
        )
        breach.action_confirm()
        self.assertEqual(breach.charge_id.amount, 200.0)
        self.assertEqual(breach.charge_id.charge_code, "advertising_breach")
        self.assertEqual(breach.charge_id.contract_id, self.contract_a)
        criticism = (
            self.env["mall.ad.breach"]
            .with_user(self.demo["visual"])
            .create({"counter_id": self.counter.id, "rule": "A2", "description": "多放一个地牌"})
        )
        criticism.action_confirm()
        self.assertFalse(criticism.charge_id)
        with freeze_time(BEFORE):
            pass

    def test_three_part_form_prints(self):
        ad = self.ad()
        ad.action_register()
        html = self.env["ir.actions.report"]._render_qweb_html(
            "mall_promotion.action_report_ad_placement", ad.ids
        )[0]
        self.assertEqual(html.count(b"In-store Ad Placement Form"), 3)
