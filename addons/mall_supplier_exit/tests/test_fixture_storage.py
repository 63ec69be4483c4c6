from datetime import date

from odoo.exceptions import AccessError, UserError

from .common import ExitCase


class TestFixtureStorage(ExitCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contract_fx = cls.signed_contract()

    def store(self, pieces=3, day=date(2029, 3, 20), user=None):
        Storage = self.env["mall.fixture.storage"]
        if user:
            Storage = Storage.with_user(user)
        return Storage.create(
            {
                "name": "货架",
                "contract_id": self.contract_fx.id,
                "pieces": pieces,
                "date_stored": day,
            }
        )

    def test_fee_by_day(self):
        """F1: fee = 10 × pieces × min(days stored − 1, 9): day 1 free, day 2 one day,
        day 10 nine days, day 15 still nine days."""
        storage = self.store(pieces=3)
        for day, days, fee in (
            (date(2029, 3, 20), 1, 0.0),
            (date(2029, 3, 21), 2, 30.0),
            (date(2029, 3, 29), 10, 270.0),
            (date(2029, 4, 3), 15, 270.0),
        ):
            dated = storage.with_context(date=day)
            self.assertEqual((dated.days_stored, dated.fee), (days, fee), day)

    def test_fee_per_piece_per_day_configurable(self):
        self.company.mall_fixture_fee = 12.5
        storage = self.store(pieces=2)
        self.assertEqual(storage.with_context(date=date(2029, 3, 22)).fee, 50.0)

    def test_collection_and_scrap_charges_in_their_periods(self):
        """The fee becomes a storage charge of the period its day falls in: collected on
        day 2 (March period), scrapped on day 15 (April period, 26 March - 25 April)."""
        collected = self.store(pieces=3, user=self.floor_manager)
        collected.with_user(self.floor_manager).action_collect(date(2029, 3, 21))
        self.assertEqual(collected.state, "collected")
        self.assertEqual(collected.charge_id.amount, 30.0)
        self.assertEqual(collected.charge_id.charge_type_id.code, "storage")
        scrapped = self.store(pieces=2)
        scrapped.with_user(self.accountant).action_scrap(date(2029, 4, 3))
        self.assertEqual(scrapped.state, "scrapped")
        self.assertEqual(scrapped.charge_id.amount, 180.0)
        free = self.store(pieces=5)
        free.with_user(self.floor_manager).action_collect(date(2029, 3, 20))
        self.assertFalse(free.charge_id)
        march = self.period(2029, 3, user=self.accountant)
        april = self.period(2029, 4, user=self.accountant)
        (march | april).with_user(self.accountant).action_prepare()
        in_march = march.statement_ids.filtered(lambda s: s.contract_id == self.contract_fx)
        in_april = april.statement_ids.filtered(lambda s: s.contract_id == self.contract_fx)
        self.assertIn(collected.charge_id, in_march.charge_ids)
        self.assertIn(scrapped.charge_id, in_april.charge_ids)
        self.assertNotIn(scrapped.charge_id, in_march.charge_ids)
        with self.refused(UserError, "already"):
            collected.with_user(self.floor_manager).action_scrap(date(2029, 3, 22))

    def test_cron_scraps_after_last_day(self):
        storage = self.store(pieces=1, day=date(2029, 3, 1))
        self.env["mall.fixture.storage"]._cron_scrap(date(2029, 3, 10))
        self.assertEqual(storage.state, "stored")
        self.env["mall.fixture.storage"]._cron_scrap(date(2029, 3, 11))
        self.assertEqual((storage.state, storage.date_end), ("scrapped", date(2029, 3, 11)))
        self.assertEqual(storage.charge_id.amount, 90.0)

    def test_roles(self):
        storage = self.store(pieces=1)
        with self.assertRaises(AccessError):
            storage.with_user(self.buyer).action_collect(date(2029, 3, 21))
        with self.assertRaises(UserError):
            storage.with_user(self.floor_manager).write({"state": "collected"})
