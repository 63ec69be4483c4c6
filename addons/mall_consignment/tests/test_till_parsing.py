import io
from datetime import date, datetime

import xlsxwriter

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import MallDemoCase


@tagged("post_install", "-at_install")
class TestTillParsing(MallDemoCase):
    """Issue 17 "Numbers and text that make sense": till files are parsed strictly, with
    a clear per-row error, never a crash or a stored NaN."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contract_a = cls.signed_contract()
        cls.Line = cls.env["mall.sale.line"].with_user(cls.demo["accountant"])

    def errors_of(self, line, name="t.csv"):
        _batch, errors = self.Line._import_file(self.csv_file([line]), name)
        return errors

    def ledger(self):
        return self.env["mall.sale.line"].search([("counter_id", "=", self.counter.id)])

    def test_nonsense_numbers_give_a_row_error(self):
        for line, column in (
            ("2026-03-01,TF2-01,TSY01,1,nan,0", "amount"),
            ("2026-03-01,TF2-01,TSY01,1,inf,0", "amount"),
            ("2026-03-01,TF2-01,TSY01,1,-Infinity,0", "amount"),
            ("2026-03-01,TF2-01,TSY01,nan,10,0", "quantity"),
            ("2026-03-01,TF2-01,TSY01,1,1e308,0", "amount"),
            ("2026-03-01,TF2-01,TSY01,1,1_000,0", "amount"),
            ("2026-03-01,TF2-01,TSY01,1,１００,0", "amount"),
            ("2026-03-01,TF2-01,TSY01,1,10.005,0", "amount"),
            ("2026-03-01,TF2-01,TSY01,1,10,0x10", "discount"),
        ):
            with self.subTest(line=line):
                errors = self.errors_of(line, f"{line}.csv")
                self.assertEqual(len(errors), 1, errors)
                self.assertEqual(errors[0][:2], ("Row 2", column))
                self.assertIn("is not a number", errors[0][2])
        self.assertFalse(self.ledger())

    def test_amounts_beyond_business_sense_name_the_field(self):
        errors = self.errors_of("2026-03-01,TF2-01,TSY01,1,100000001,0")
        self.assertEqual(errors[0][1], "amount")
        # Money limits read as money, in the company currency.
        self.assertRegex(
            errors[0][2], r"amount must be between -.{0,4}100,000,000\.00 and .{0,4}100,000,000\.00"
        )
        errors = self.errors_of("2026-03-01,TF2-01,TSY01,2000000,10,0", "q.csv")
        self.assertIn("quantity must be between", errors[0][2])

    def test_nul_byte_gives_a_row_error(self):
        errors = self.errors_of("2026-03-01,TF2-01,TSY\x0001,1,10,0")
        self.assertEqual(len(errors), 1)
        self.assertEqual(errors[0][1], "product")
        self.assertIn("control character", errors[0][2])

    def test_dates_as_tills_print_them(self):
        batch, errors = self.Line._import_file(
            self.csv_file(
                [
                    "2026-03-01,TF2-01,TSY01,1,10,0",
                    "2026/03/02,TF2-01,TSY01,1,10,0",
                    "2026年3月3日,TF2-01,TSY01,1,10,0",
                    "2026-03-04 18:30:05,TF2-01,TSY01,1,10,0",
                    '2026-03-05,TF2-01,TSY01,1,"1,234.50",0',
                ]
            ),
            "dates.csv",
        )
        self.assertEqual(errors, [])
        self.assertEqual(batch.amount_total, 1274.50)
        self.assertEqual(
            sorted(self.ledger().mapped("date")),
            [date(2026, 3, day) for day in range(1, 6)],
        )

    def test_dates_that_are_not_dates(self):
        for value in ("20261128", "2026-13-01", "2026-02-30", "28/11/2026", "１９９９-01-01"):
            with self.subTest(value=value):
                errors = self.errors_of(f"{value},TF2-01,TSY01,1,10,0", f"{value}.csv")
                self.assertEqual(errors[0][1], "date")
                self.assertIn("is not a date", errors[0][2])

    def test_a_file_with_only_a_header_has_no_rows(self):
        with self.refused(UserError, "no rows"):
            self.Line._import_file(self.csv_file([]), "header.csv")

    def test_a_huge_cell_is_cut_in_the_message(self):
        errors = self.errors_of(f"2026-03-01,{'X' * 5000},TSY01,1,10,0")
        self.assertIn("X" * 50 + "…", errors[0][2])
        self.assertLess(len(errors[0][2]), 200)

    def test_xlsx_excel_dates_and_numbers(self):
        buffer = io.BytesIO()
        book = xlsxwriter.Workbook(buffer)
        sheet = book.add_worksheet()
        day = book.add_format({"num_format": "yyyy-mm-dd"})
        sheet.write_row(0, 0, ["date", "counter", "product", "quantity", "amount", "discount"])
        sheet.write_datetime(1, 0, datetime(2026, 4, 1), day)
        sheet.write_row(1, 1, ["TF2-01", "TSY01", 2, 1798.0, 0])
        sheet.write_datetime(2, 0, datetime(2026, 4, 2), day)
        sheet.write_row(2, 1, ["TF2-01", "TSY01", -1, -899.0, 0])
        sheet.write_row(3, 0, ["2026年4月3日", "TF2-01", "TSY02", 1, 599.0, 0])
        book.close()
        batch, errors = self.Line._import_file(buffer.getvalue(), "tills.xlsx")
        self.assertEqual(errors, [])
        self.assertEqual(batch.amount_total, 1498.0)

    def test_xlsx_nonsense_cells(self):
        buffer = io.BytesIO()
        book = xlsxwriter.Workbook(buffer)
        sheet = book.add_worksheet()
        sheet.write_row(0, 0, ["date", "counter", "product", "quantity", "amount", "discount"])
        sheet.write_row(1, 0, [20261128, "TF2-01", "TSY01", 1, 10, 0])
        sheet.write_row(2, 0, ["2026-04-01", "TF2-01", "TSY01", True, 10, 0])
        sheet.write_row(3, 0, ["2026-04-01", "TF2-01", "TSY01", 1, 1e308, 0])
        book.close()
        _batch, errors = self.Line._import_file(buffer.getvalue(), "bad.xlsx")
        self.assertEqual(
            [(label, column) for label, column, _m in errors],
            [("Row 2", "date"), ("Row 3", "quantity"), ("Row 4", "amount")],
        )

    def test_master_data_bounds_name_the_field(self):
        head = self.demo["head"]
        Counter = self.env["mall.counter"].with_user(head)
        base = {"name": "岛柜", "code": "TF2-99", "floor_id": self.floor2.id}
        for vals, word in (
            ({"area": 1e9}, "Area"),
            ({"area": float("inf")}, "Area"),
            ({"area": 10, "name": "长" * 101}, "Name"),
        ):
            with self.subTest(vals=vals), self.refused(Exception, word):
                Counter.create({**base, **vals})
        with self.refused(Exception, "Monthly Sales Target"):
            self.contract(monthly_target=1e12)
        with self.refused(Exception, "Sales Price"):
            self.env["mall.product.request"].with_user(self.demo["floor"]).create(
                {
                    "counter_id": self.counter.id,
                    "contract_id": self.contract_a.id,
                    "product_name": "x",
                    "list_price": -5,
                }
            )
