from datetime import date

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import MallCase


@tagged("post_install", "-at_install")
class TestCommission(MallCase):
    """C9 commission modes to the cent, T4's base rate and C6 terms in force."""

    def tiers(self, mode):
        return self.contract(
            commission_mode=mode,
            commission_rate=10.0,
            tier_ids=[
                (0, 0, {"lower_bound": 0.0, "rate": 10.0}),
                (0, 0, {"lower_bound": 100000.0, "rate": 15.0}),
                (0, 0, {"lower_bound": 200000.0, "rate": 20.0}),
            ],
        )

    def test_flat_rate_of_the_worked_example(self):
        contract = self.contract()
        self.assertEqual(contract.compute_commission(80000.0, date(2026, 3, 25)), 16000.00)
        self.assertEqual(contract._terms_on(date(2026, 3, 25))._base_rate(), 20.0)

    def test_flat_rate_rounds_half_up_to_the_cent(self):
        contract = self.contract(commission_rate=17.5)
        # 1,234.57 × 17.5% = 216.04975
        self.assertEqual(contract.compute_commission(1234.57), 216.05)
        # 0.1 + 0.2 style float noise does not leak: 0.3 × 50% = 0.15
        self.assertEqual(self.contract(commission_rate=50.0).compute_commission(0.1 + 0.2), 0.15)

    def test_progressive_brackets(self):
        contract = self.tiers("progressive")
        # 100,000 × 10% + 100,000 × 15% + 50,000 × 20%
        self.assertEqual(contract.compute_commission(250000.0), 35000.00)
        self.assertEqual(contract.compute_commission(100000.0), 10000.00)
        self.assertEqual(contract.compute_commission(100000.01), 10000.00)
        self.assertEqual(contract.compute_commission(150000.0), 17500.00)
        self.assertEqual(contract.compute_commission(0.0), 0.0)

    def test_whole_amount_brackets(self):
        contract = self.tiers("whole")
        self.assertEqual(contract.compute_commission(250000.0), 50000.00)
        self.assertEqual(contract.compute_commission(99999.99), 10000.00)
        self.assertEqual(contract.compute_commission(100000.0), 15000.00)
        self.assertEqual(contract._terms_on()._base_rate(), 10.0)

    def test_supplementary_agreement_changes_rate_from_its_effective_date(self):
        contract = self.signed_contract()
        amendment = self.env["mall.contract.amendment"].create(
            {
                "contract_id": contract.id,
                "date_effective": date(2026, 6, 1),
                "reason": "扣点下调",
                "supplier_stamped": True,
            }
        )
        # The agreement starts from the terms in force: flat 20%.
        self.assertEqual(amendment.commission_rate, 20.0)
        amendment.write({"commission_rate": 15.0})
        # Not signed yet: no effect.
        self.assertEqual(contract.compute_commission(100000.0, date(2026, 6, 15)), 20000.0)
        amendment.with_user(self.head).action_sign()
        self.assertEqual(contract.compute_commission(100000.0, date(2026, 5, 31)), 20000.0)
        self.assertEqual(contract.compute_commission(100000.0, date(2026, 6, 1)), 15000.0)
        with self.refused(UserError, "cannot change"):
            amendment.write({"commission_rate": 10.0})

    def test_batch_commission_queries_do_not_grow_with_contracts(self):
        def measure(count):
            contracts = self.env["mall.contract"]
            for index in range(count):
                counter = self.env["mall.counter"].create(
                    {
                        "name": f"批量{count}-{index}",
                        "code": f"B{count}-{index}",
                        "floor_id": self.floor2.id,
                        "area": 10,
                    }
                )
                contracts |= self.contract(counter_ids=[(6, 0, counter.ids)])
            contracts.invalidate_recordset()
            self.env.flush_all()
            before = self.env.cr.sql_log_count
            result = contracts._compute_commission_batch(
                {contract.id: 50000.0 for contract in contracts}, date(2026, 3, 1)
            )
            self.assertEqual(set(result.values()), {10000.0})
            return self.env.cr.sql_log_count - before

        self.assertEqual(measure(3), measure(30))

    def test_bad_terms_are_refused(self):
        for values, word in (
            ({"commission_rate": 120.0}, "Commission Rate"),
            ({"commission_rate": -1.0}, "Commission Rate"),
            ({"discount_share_ratio": 101.0}, "Discount Borne by Supplier"),
            ({"monthly_target": -5.0}, "Monthly Sales Target"),
            ({"date_end": date(2025, 12, 31)}, "before the start date"),
        ):
            with self.subTest(values=values), self.refused(ValidationError, word):
                self.contract(**values)

    def test_bad_brackets_are_refused(self):
        for tiers, word in (
            ([], "at least one bracket"),
            ([(100.0, 10.0)], "must start at 0"),
            ([(0.0, 10.0), (5000.0, 12.0), (5000.0, 15.0)], "overlap"),
            ([(0.0, 15.0), (5000.0, 10.0)], "must not decrease"),
        ):
            with self.subTest(tiers=tiers), self.refused(ValidationError, word):
                self.contract(
                    commission_mode="progressive",
                    tier_ids=[(0, 0, {"lower_bound": b, "rate": r}) for b, r in tiers],
                )
        with self.refused(ValidationError, "between 0 and 100"):
            self.contract(
                commission_mode="progressive",
                tier_ids=[(0, 0, {"lower_bound": 0.0, "rate": 101.0})],
            )
        self.assertFalse(self.env["mall.contract"].search([("brand_id", "=", self.brand.id)]))

    def test_negative_sales_amount_is_refused(self):
        with self.assertRaises(ValidationError):
            self.contract().compute_commission(-1.0)
