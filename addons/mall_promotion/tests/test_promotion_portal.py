from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import PromotionCase


@tagged("post_install", "-at_install")
class TestPromotionPortal(PromotionCase):
    """Participating suppliers accept on the portal and follow their running share."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_user = cls.portal_contact(cls.supplier, "丝语 财务", "mp_portal")
        other = cls.env["res.partner"].create({"name": "别家服饰", "is_company": True})
        cls.other_portal = cls.portal_contact(other, "别家 联系人", "mp_other")

    def test_supplier_accepts_its_own_participation_only(self):
        promotion = self.promotion()
        lines = promotion.participant_ids
        with self.refused(AccessError, "."):
            lines[:1].with_user(self.other_portal).action_accept()
        self.assertFalse(
            self.env["mall.promotion.participant"].with_user(self.other_portal).search([])
        )
        mine = self.env["mall.promotion.participant"].with_user(self.portal_user).search([])
        self.assertEqual(mine, lines)
        mine.action_accept()
        self.assertEqual(set(lines.mapped("state")), {"accepted"})
        with freeze_time("2029-02-01"):
            promotion.with_user(self.demo["assistant"]).action_submit()
            promotion.with_user(self.gm)._validate_tier()
        self.assertEqual(promotion.state, "approved")

    def test_running_estimate_follows_the_sales(self):
        promotion = self.promotion(allocation_method="sales")
        self.sales(self.contract_a, [(date(2029, 3, 2), 300.0, 0.0)])
        self.sales(self.contract_b, [(date(2029, 3, 2), 100.0, 0.0)])
        estimates = promotion.participant_ids._running_estimates()
        by_contract = {line.contract_id: estimates[line.id] for line in promotion.participant_ids}
        self.assertEqual(by_contract[self.contract_a], 750.0)
        self.assertEqual(by_contract[self.contract_b], 250.0)
        self.assertEqual(by_contract[self.contract_c], 0.0)
