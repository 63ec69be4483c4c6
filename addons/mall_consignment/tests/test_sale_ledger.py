import base64
import csv
import io
from datetime import date

import xlsxwriter

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import MallCase


@tagged("post_install", "-at_install")
class TestSaleLedger(MallCase):
    """The ledger: till files imported whole or not at all (C7, bad input), sale
    orders with a counter, contracts resolved by counter and date, batch queries."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contract_a = cls.signed_contract()
        cls.contract_3 = cls.signed_contract(counter_ids=[(6, 0, cls.counter3.ids)])
        cls.Line = cls.env["mall.sale.line"]

    def ledger(self):
        return self.Line.search([("counter_id", "in", (self.counter | self.counter3).ids)])

    def test_good_file_is_imported_with_contracts_and_exact_totals(self):
        content = self.csv_file(
            [
                "2026-03-01,TF2-01,TSY01,2,1798.00,0",
                "2026-03-01,TF2-01,TSY02,1,539.10,59.90",
                "2026-03-02,TF3-01,TSY01,1,0.10,0",
                "2026-03-02,TF3-01,TSY01,1,0.20,0",
            ]
        )
        batch, errors = self.Line._import_file(content, "tills-0301.csv")
        self.assertEqual(errors, [])
        self.assertEqual(batch.row_count, 4)
        self.assertEqual(batch.amount_total, 2337.40)
        self.assertEqual(batch.discount_total, 59.90)
        rows = self.ledger()
        self.assertEqual(len(rows), 4)
        self.assertEqual(
            rows.filtered(lambda r: r.counter_id == self.counter).contract_id, self.contract_a
        )
        self.assertEqual(
            rows.filtered(lambda r: r.counter_id == self.counter3).contract_id, self.contract_3
        )
        self.assertEqual(round(sum(rows.mapped("amount")), 2), 2337.40)
        self.assertEqual(set(rows.mapped("source")), {"till"})
        self.assertEqual(rows[0].partner_id, self.supplier)
        self.assertEqual(rows.floor_id, self.floor2 | self.floor3)

    def test_bad_rows_refuse_the_whole_file_with_a_report(self):
        content = self.csv_file(
            [
                "2026-03-01,TF2-01,TSY01,1,100,0",  # row 2: good
                "2026-03-01,NOPE,TSY01,1,100,0",  # row 3: unknown counter
                "2026-13-01,TF2-01,TSY01,1,100,0",  # row 4: bad date
                "2026-03-01,TF2-01,TXX99,1,100,0",  # row 5: unlisted product (C7)
                "2026-03-01,TF2-01,TSY01,1,-5,0",  # row 6: negative amount
                "2026-03-01,TF2-01,TSY01,1,abc,0",  # row 7: not a number
                "2025-03-01,TF2-01,TSY01,1,100,0",  # row 8: no contract on that date
            ]
        )
        before = len(self.ledger())
        batch, errors = self.Line._import_file(content, "bad.csv")
        self.assertFalse(batch)
        self.assertEqual(len(self.ledger()), before)
        self.assertFalse(self.env["mall.sale.batch"].search([("name", "=", "bad.csv")]))
        by_row = {label: message for label, _column, message in errors}
        self.assertEqual(sorted(by_row), [f"Row {n}" for n in (3, 4, 5, 6, 7, 8)])
        self.assertIn("NOPE", by_row["Row 3"])
        self.assertIn("2026-13-01", by_row["Row 4"])
        self.assertIn("not listed", by_row["Row 5"])
        self.assertIn("negative", by_row["Row 6"])
        self.assertIn("abc", by_row["Row 7"])
        self.assertIn("no contract", by_row["Row 8"])
        report = list(csv.reader(io.StringIO(self.Line._errors_csv(errors).decode("utf-8-sig"))))
        self.assertEqual(report[0], ["Row", "Column", "Error"])
        self.assertEqual(len(report), 7)

    def test_wizard_offers_the_error_report_and_then_imports(self):
        wizard = self.env["mall.sale.import"].with_user(self.accountant)
        wizard = wizard.create(
            {
                "file": self.b64(self.csv_file(["2026-03-01,TF2-01,TXX99,1,100,0"])),
                "filename": "day.csv",
            }
        )
        wizard.action_import()
        self.assertEqual(wizard.state, "errors")
        self.assertEqual(wizard.error_count, 1)
        self.assertIn("Row 2", base64.b64decode(wizard.error_report).decode("utf-8-sig"))
        self.assertEqual(wizard.error_report_name, "day-errors.csv")
        wizard.action_retry()
        wizard.write({"file": self.b64(self.csv_file(["2026-03-01,TF2-01,TSY01,1,100,0"]))})
        wizard.action_import()
        self.assertEqual(wizard.state, "done")
        self.assertEqual(wizard.batch_id.amount_total, 100.0)
        self.assertEqual(wizard.batch_id.create_uid, self.accountant)

    def test_chinese_headers_and_xlsx(self):
        buffer = io.BytesIO()
        book = xlsxwriter.Workbook(buffer)
        sheet = book.add_worksheet()
        for row, values in enumerate(
            [
                ["日期", "专柜", "商品", "数量", "金额", "折扣"],
                ["2026-04-01", "TF2-01", "TSY01", 1, 809.10, 89.90],
                [date(2026, 4, 2), "TF2-01", "TSY02", 3, 1797, 0],
            ]
        ):
            for column, value in enumerate(values):
                if isinstance(value, date):
                    sheet.write_datetime(
                        row, column, value, book.add_format({"num_format": "yyyy-mm-dd"})
                    )
                else:
                    sheet.write(row, column, value)
        book.close()
        batch, errors = self.Line._import_file(buffer.getvalue(), "tills.xlsx")
        self.assertEqual(errors, [])
        self.assertEqual(batch.amount_total, 2606.10)
        self.assertEqual(sorted(self.ledger().mapped("date")), [date(2026, 4, 1), date(2026, 4, 2)])

    def test_file_level_problems_are_refused_clearly(self):
        for content, name, word in (
            ("日期,专柜\n".encode("gbk"), "gbk.csv", "UTF-8"),
            (b'date,counter,product,amount\n"2026-03-01,TF2-01,TSY01,1\n', "bad.csv", "CSV"),
            (b"date,counter,amount\n2026-03-01,TF2-01,5\n", "cols.csv", "product"),
            (b"", "empty.csv", "empty"),
            (b"not a workbook", "book.xlsx", "XLSX"),
        ):
            with self.subTest(name=name), self.refused(UserError, word):
                self.Line._import_file(content, name)
        self.assertFalse(self.ledger())

    def test_a_file_is_imported_once(self):
        content = self.csv_file(["2026-03-01,TF2-01,TSY01,1,100,0"])
        self.Line._import_file(content, "once.csv")
        with self.refused(UserError, "already been imported"):
            self.Line._import_file(content, "once-again.csv")
        self.assertEqual(len(self.ledger()), 1)

    def test_import_queries_do_not_grow_with_rows(self):
        def measure(count, day):
            lines = [f"2026-05-{day:02d},TF2-01,TSY01,1,{n + 1}.50,0" for n in range(count)]
            content = self.csv_file(lines)
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            batch, errors = self.Line._import_file(content, f"{count}.csv")
            self.assertFalse(errors)
            self.assertEqual(batch.row_count, count)
            return self.env.cr.sql_log_count - before

        measure(5, 1)  # warm-up: caches of the first call
        self.assertEqual(measure(10, 2), measure(1000, 3))

    def test_floor_staff_import_only_for_their_floors(self):
        content = self.csv_file(
            ["2026-03-01,TF2-01,TSY01,1,100,0", "2026-03-01,TF3-01,TSY01,1,100,0"]
        )
        _batch, errors = self.Line.with_user(self.floor_manager)._import_file(content, "f.csv")
        self.assertEqual([label for label, _c, _m in errors], ["Row 3"])
        self.assertIn("not on your floor", errors[0][2])
        self.assertFalse(self.ledger())
        batch, errors = self.Line.with_user(self.floor_manager3)._import_file(
            self.csv_file(["2026-03-01,TF3-01,TSY01,1,100,0"]), "f3.csv"
        )
        self.assertFalse(errors)
        self.assertEqual(batch.row_count, 1)

    def test_manual_rows_are_checked_like_file_rows(self):
        row = self.Line.with_user(self.floor_manager).create(
            {
                "date": "2026-03-03",
                "counter_id": self.counter.id,
                "product_id": self.product.id,
                "amount": 50.0,
            }
        )
        self.assertEqual(row.contract_id, self.contract_a)
        with self.refused(ValidationError, "not listed"):
            self.Line.create(
                {
                    "date": "2026-03-03",
                    "counter_id": self.counter.id,
                    "product_id": self.unlisted.id,
                    "amount": 50.0,
                }
            )
        with self.refused(ValidationError, "negative"):
            self.Line.create(
                {
                    "date": "2026-03-03",
                    "counter_id": self.counter.id,
                    "product_id": self.product.id,
                    "amount": -50.0,
                }
            )

    def test_confirmed_sale_order_feeds_the_ledger(self):
        customer = self.env["res.partner"].create({"name": "会员 王女士"})
        order_form = Form(self.env["sale.order"])
        order_form.partner_id = customer
        with order_form.order_line.new() as line:
            line.product_id = self.product
            line.product_uom_qty = 2
            line.price_unit = 899.0
            line.tax_id.clear()
            line.mall_counter_id = self.counter
        order = order_form.save()
        order.order_line.discount = 10.0
        order.action_confirm()
        row = self.Line.search([("sale_line_id", "in", order.order_line.ids)])
        self.assertEqual(row.amount, 1618.20)
        self.assertEqual(row.discount_amount, 179.80)
        self.assertEqual(row.contract_id, self.contract_a)
        self.assertEqual(row.source, "sale")
        self.assertEqual(row.date, fields.Date.context_today(order))

    def test_sale_order_with_unlisted_product_is_not_confirmed(self):
        customer = self.env["res.partner"].create({"name": "会员 李先生"})
        order = self.env["sale.order"].create(
            {
                "partner_id": customer.id,
                "date_order": "2026-03-08 10:00:00",
                "order_line": [
                    (
                        0,
                        0,
                        {
                            "product_id": self.unlisted.id,
                            "mall_counter_id": self.counter.id,
                            "price_unit": 999.0,
                        },
                    )
                ],
            }
        )
        with self.refused(ValidationError, "not listed"):
            order.action_confirm()
        self.assertFalse(self.ledger())
