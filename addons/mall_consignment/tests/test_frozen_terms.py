from datetime import date

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.marketing_base.tests.common import assert_refused

from .common import MallDemoCase

BRACKETS = [(0, 0, {"lower_bound": 0, "rate": 10}), (0, 0, {"lower_bound": 50000, "rate": 12})]


@tagged("post_install", "-at_install")
class TestFrozenTerms(MallDemoCase):
    """Issue 9: signed documents stay frozen, whatever the path."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.signed = cls.signed_contract(commission_mode="progressive", tier_ids=BRACKETS)
        cls.amendment = cls.env["mall.contract.amendment"].create(
            {
                "contract_id": cls.signed.id,
                "date_effective": date(2026, 6, 1),
                "reason": "扣点调整",
                "supplier_stamped": True,
            }
        )
        cls.amendment.with_user(cls.demo["head"]).action_sign()
        cls.other = cls.signed_contract(counter_ids=[(6, 0, cls.counter3.ids)])

    def test_signed_agreement_keeps_its_contract_date_and_state(self):
        head = self.demo["head"]
        for vals in (
            {"contract_id": self.other.id},
            {"date_effective": "2026-07-01"},
            {"state": "draft"},
            {"commission_rate": 1.0},
            {"sponsorship_frequency": "yearly"},
        ):
            with self.subTest(vals=vals), assert_refused(self, self.amendment, exc=UserError):
                self.amendment.with_user(head).write(vals)

    def test_agreement_cannot_start_before_its_contract(self):
        Amendment = self.env["mall.contract.amendment"].with_user(self.demo["contracts"])
        with self.refused(ValidationError, "before its contract starts"):
            Amendment.create(
                {"contract_id": self.signed.id, "date_effective": "2025-12-31", "reason": "x"}
            )
        draft = Amendment.create(
            {"contract_id": self.signed.id, "date_effective": "2026-08-01", "reason": "x"}
        )
        with assert_refused(self, draft, exc=ValidationError):
            draft.write({"date_effective": "2025-01-01"})

    def test_signed_contract_brackets_are_frozen_on_every_path(self):
        user = self.demo["contracts"]
        tier = self.signed.tier_ids[-1:]
        with assert_refused(self, self.signed.tier_ids, exc=UserError):
            tier.with_user(user).write({"rate": 30})
        with assert_refused(self, self.signed.tier_ids, exc=UserError):
            tier.with_user(user).unlink()
        with assert_refused(self, self.signed.tier_ids, exc=UserError):
            self.env["mall.contract.tier"].with_user(user).create(
                {"contract_id": self.signed.id, "lower_bound": 90000, "rate": 15}
            )
        with assert_refused(self, self.amendment.tier_ids, exc=UserError):
            self.amendment.tier_ids[:1].with_user(user).write({"rate": 1})

    def test_brackets_never_decrease_on_any_path(self):
        draft = self.contract(
            counter_ids=[(6, 0, self.counter_b.ids)],
            commission_mode="progressive",
            tier_ids=BRACKETS,
        )
        Tier = self.env["mall.contract.tier"].with_user(self.demo["contracts"])
        with self.refused(ValidationError, "must not decrease"):
            Tier.create({"contract_id": draft.id, "lower_bound": 90000, "rate": 5})
        with assert_refused(self, draft.tier_ids, exc=ValidationError):
            draft.tier_ids[-1:].with_user(self.demo["contracts"]).write({"rate": 1})
        # Changing every bracket at once in the form is checked once, on the whole set.
        draft.with_user(self.demo["contracts"]).write(
            {
                "tier_ids": [
                    (1, draft.tier_ids[0].id, {"rate": 15}),
                    (1, draft.tier_ids[1].id, {"rate": 18}),
                ]
            }
        )
        self.assertEqual(draft.tier_ids.mapped("rate"), [15, 18])
