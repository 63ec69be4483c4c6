from datetime import date
from unittest.mock import patch

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.marketing_base.tests.common import assert_refused

from .common import MallDemoCase

CLOSED = "the period is closed"


@tagged("post_install", "-at_install")
class TestLedgerReturns(MallDemoCase):
    """Issue 9: customer returns (顾客退换货) as negative rows, the same checks on write
    as on create, the settlement's seam and hook."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contract_a = cls.signed_contract()
        cls.contract_3 = cls.signed_contract(counter_ids=[(6, 0, cls.counter3.ids)])
        cls.Line = cls.env["mall.sale.line"]
        cls.floor = cls.demo["floor"]

    def row(self, user=None, **values):
        vals = {
            "date": "2026-03-03",
            "counter_id": self.counter.id,
            "product_id": self.product.id,
            "quantity": 1.0,
            "amount": 899.0,
        }
        vals.update(values)
        return self.Line.with_user(user or self.floor).create(vals)

    def test_till_file_returns_are_negative_rows_and_net_sales_are_after_returns(self):
        content = self.csv_file(
            [
                "2026-03-01,TF2-01,TSY01,2,1798.00,0",
                "2026-03-02,TF2-01,TSY01,-1,-899.00,0",
                "2026-03-02,TF2-01,TSY02,1,539.10,59.90",
                "2026-03-02,TF3-01,TSY01,1,100.00,0",
            ]
        )
        batch, errors = self.Line.with_user(self.demo["head"])._import_file(content, "r.csv")
        self.assertEqual(errors, [])
        self.assertEqual(batch.amount_total, 1538.10)
        totals = self.Line._sales_totals(self.env.company, date(2026, 3, 1), date(2026, 3, 31))
        self.assertEqual(
            totals[self.contract_a.id], {"amount": 1438.10, "discount": 59.90, "returns": -899.0}
        )
        self.assertEqual(
            totals[self.contract_3.id], {"amount": 100.0, "discount": 0.0, "returns": 0.0}
        )
        by_date = self.Line._sales_totals(
            self.env.company,
            date(2026, 3, 1),
            date(2026, 3, 31),
            contracts=self.contract_a,
            by_date=True,
        )
        self.assertEqual(
            by_date,
            {
                (self.contract_a.id, date(2026, 3, 1)): {
                    "amount": 1798.0,
                    "discount": 0.0,
                    "returns": 0.0,
                },
                (self.contract_a.id, date(2026, 3, 2)): {
                    "amount": -359.90,
                    "discount": 59.90,
                    "returns": -899.0,
                },
            },
        )
        windowed = self.Line._sales_totals(
            self.env.company,
            date(2026, 3, 1),
            date(2026, 3, 31),
            windows={self.contract_a.id: (date(2026, 3, 2), date(2026, 3, 31))},
        )
        self.assertEqual(windowed[self.contract_a.id]["amount"], -359.90)
        self.assertEqual(windowed[self.contract_3.id]["amount"], 100.0)

    def test_a_return_row_has_consistent_signs(self):
        for line, word in (
            ("2026-03-02,TF2-01,TSY01,1,-899.00,0", "customer return"),
            ("2026-03-02,TF2-01,TSY01,-1,899.00,0", "negative"),
            ("2026-03-02,TF2-01,TSY01,-1,-899.00,10", "customer return"),
        ):
            with self.subTest(line=line):
                _batch, errors = self.Line.with_user(self.floor)._import_file(
                    self.csv_file([line]), f"{line}.csv"
                )
                self.assertEqual(len(errors), 1)
                self.assertIn(word, errors[0][2])

    def test_manual_return_names_its_sale_and_cannot_exceed_it(self):
        sale = self.row(amount=899.0, quantity=1.0)
        partial = self.row(date="2026-03-05", amount=-500.0, quantity=-1.0, origin_line_id=sale.id)
        self.assertEqual(partial.contract_id, self.contract_a)
        with self.refused(ValidationError, "exceeds what is left"):
            self.row(date="2026-03-06", amount=-400.0, quantity=-1.0, origin_line_id=sale.id)
        other = self.row(product_id=self.product2.id)
        with self.refused(ValidationError, "same counter and product"):
            self.row(date="2026-03-06", amount=-10.0, quantity=-1.0, origin_line_id=other.id)
        with self.refused(ValidationError, "same counter and product"):
            self.row(date="2026-03-01", amount=-10.0, quantity=-1.0, origin_line_id=sale.id)
        totals = self.Line._sales_totals(self.env.company, date(2026, 3, 1), date(2026, 3, 31))
        self.assertEqual(totals[self.contract_a.id]["amount"], 1298.0)
        self.assertEqual(totals[self.contract_a.id]["returns"], -500.0)

    def test_write_runs_the_checks_of_create(self):
        row = self.row()
        # Floor staff cannot move a row to another floor's counter.
        with assert_refused(self, row, exc=AccessError):
            row.with_user(self.floor).write({"counter_id": self.counter3.id})
        with assert_refused(self, row, exc=ValidationError):
            row.with_user(self.floor).write({"product_id": self.unlisted.id})
        with assert_refused(self, row, exc=ValidationError):
            row.with_user(self.floor).write({"amount": float("nan")})
        with assert_refused(self, row, exc=ValidationError):
            row.with_user(self.floor).write({"date": "2025-06-01"})
        row.with_user(self.floor).write({"amount": 799.0})
        self.assertEqual(row.amount, 799.0)

    def test_floor_manager_cannot_move_a_counter_to_another_floor(self):
        with assert_refused(self, self.counter, exc=AccessError):
            self.counter.with_user(self.floor).write({"floor_id": self.floor3.id})
        self.counter.with_user(self.demo["head"]).write({"floor_id": self.floor3.id})
        self.assertEqual(self.counter.floor_id, self.floor3)

    def test_every_path_asks_the_settlement_hook(self):
        calls = []

        def hook(line_model, company, dates):
            calls.append((company, set(dates)))

        Line = type(self.Line)
        with patch.object(Line, "_check_ledger_open", autospec=True, side_effect=hook):
            row = self.row()
            row.with_user(self.floor).write({"date": "2026-03-04"})
            row.with_user(self.demo["head"]).unlink()
            self.Line.with_user(self.floor)._import_file(
                self.csv_file(["2026-03-07,TF2-01,TSY01,1,10,0"]), "hook.csv"
            )
        company = self.env.company
        self.assertEqual(
            calls,
            [
                (company, {date(2026, 3, 3)}),
                (company, {date(2026, 3, 3)}),
                (company, {date(2026, 3, 4)}),
                (company, {date(2026, 3, 4)}),
                (company, {date(2026, 3, 7)}),
            ],
        )

    def test_a_closed_period_refuses_every_path(self):
        def closed(line_model, company, dates):
            if date(2026, 3, 10) in dates:
                raise UserError(CLOSED)

        row = self.row()
        Line = type(self.Line)
        with patch.object(Line, "_check_ledger_open", autospec=True, side_effect=closed):
            with self.refused(UserError, CLOSED):
                self.row(date="2026-03-10")
            with assert_refused(self, row, exc=UserError):
                row.with_user(self.floor).write({"date": "2026-03-10"})
            with self.refused(UserError, CLOSED):
                self.Line.with_user(self.floor)._import_file(
                    self.csv_file(["2026-03-10,TF2-01,TSY01,1,10,0"]), "closed.csv"
                )

    def test_forged_sources_are_refused(self):
        with self.refused(UserError, "Manual"):
            self.row(source="till")
