import base64
import csv
import io
from datetime import date

import xlsxwriter

from odoo import fields
from odoo.tests import Form, HttpCase, tagged

from .common import MallDemoCase


@tagged("post_install", "-at_install")
class TestTillImportUx(MallDemoCase):
    """Issue 10: the till import as the floor accountant meets it: a template to start
    from, the date formats tills print, errors in row order naming counter and product,
    and a result dialog titled after what happened."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contract_a = cls.signed_contract()
        cls.accountant = cls.demo["accountant"]
        cls.Line = cls.env["mall.sale.line"].with_user(cls.accountant)

    def ledger(self):
        return self.env["mall.sale.line"].search([("counter_id", "=", self.counter.id)])

    def test_excel_serial_dates_as_text_and_as_number_cells(self):
        # 46082 is Excel's serial number of 2026-03-01.
        batch, errors = self.Line._import_file(
            self.csv_file(["46082,TF2-01,TSY01,1,100.50,0"]), "serial.csv"
        )
        self.assertEqual(errors, [])
        self.assertEqual(self.ledger().date, date(2026, 3, 1))
        buffer = io.BytesIO()
        book = xlsxwriter.Workbook(buffer)
        sheet = book.add_worksheet()
        sheet.write_row(0, 0, ["日期", "专柜", "商品", "数量", "金额", "折扣"])
        sheet.write_row(1, 0, [46083, "TF2-01", "TSY02", 1, 599.0, 0])
        sheet.write_row(2, 0, ["2026年3月3日", "TF2-01", "TSY02", 1, 599.0, 0])
        book.close()
        batch, errors = self.Line._import_file(buffer.getvalue(), "serial.xlsx")
        self.assertEqual(errors, [])
        self.assertEqual(batch.amount_total, 1198.0)
        self.assertEqual(
            sorted(self.ledger().mapped("date")),
            [date(2026, 3, 1), date(2026, 3, 2), date(2026, 3, 3)],
        )
        # A number that is no date of this century stays an error.
        errors = self.Line._import_file(self.csv_file(["99999,TF2-01,TSY01,1,10,0"]), "x.csv")[1]
        self.assertIn("is not a date", errors[0][2])

    def test_errors_come_in_row_order_naming_counter_and_product(self):
        _batch, errors = self.Line._import_file(
            self.csv_file(
                [
                    "2026-03-01,TF2-01,TXX99,1,100,0",  # row 2: product not on the contract
                    "2025-03-01,TF2-01,TSY01,1,100,0",  # row 3: no contract that day
                    "2026-13-01,TF2-01,TSY02,1,100,0",  # row 4: no date
                    "2026-03-01,TF2-01,TSY01,1,abc,0",  # row 5: no number
                    "2026-03-01,TF2-01,TSY01,1,10,0",  # row 6: fine
                    "2026-03-01,TF2-01,TXX99,1,100,0",  # row 7: product not on the contract
                ]
            ),
            "order.csv",
        )
        self.assertEqual(
            [label for label, _column, _message in errors],
            ["Row 2", "Row 3", "Row 4", "Row 5", "Row 7"],
        )
        self.assertEqual(
            errors[0][2],
            "Row 2 (counter TF2-01, product TXX99): the product is not listed in the "
            "counter's contract.",
        )
        self.assertTrue(errors[1][2].startswith("Row 3 (counter TF2-01, product TSY01): "))
        self.assertTrue(errors[2][2].startswith("Row 4 (counter TF2-01, product TSY02): "))
        for _label, _column, message in errors:
            self.assertNotRegex(message, r"\([A-Z][0-9]+\)")
        self.assertFalse(self.ledger())

    def test_wizard_dialog_titles_and_error_order(self):
        content = self.csv_file(
            [
                "2026-03-01,TF2-01,TXX99,1,100,0",
                "2026-13-01,TF2-01,TSY01,1,100,0",
            ]
        )
        with Form(self.env["mall.sale.import"].with_user(self.accountant)) as form:
            form.file = base64.b64encode(content)
        wizard = form.record
        wizard.filename = "day.csv"  # set by the upload widget in the browser
        action = wizard.action_import()
        self.assertEqual(action["name"], "Till File Refused")
        self.assertEqual(wizard.state, "errors")
        self.assertEqual(
            [line.split(" ", 2)[:2] for line in wizard.error_text.splitlines()],
            [["Row", "2"], ["Row", "3"]],
        )
        self.assertEqual(wizard.action_retry()["name"], "Import Till Takings")
        wizard.write(
            {
                "file": base64.b64encode(self.csv_file(["2026-03-01,TF2-01,TSY01,2,1798,0"])),
                "filename": "good.csv",
            }
        )
        action = wizard.action_import()
        self.assertEqual(action["name"], "Till File Imported")
        self.assertEqual(wizard.batch_id.amount_total, 1798.0)

    def test_template_has_the_headers_and_an_example_row_that_imports(self):
        for lang, header in (
            ("en_US", ["date", "counter", "product", "quantity", "amount", "discount"]),
            ("zh_CN", ["日期", "专柜", "商品", "数量", "金额", "折扣"]),
        ):
            with self.subTest(lang=lang):
                content = self.Line.with_context(lang=lang)._till_template_csv()
                rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
                self.assertEqual(rows[0], header)
                self.assertEqual(len(rows), 2)
        # The example row, dated today, names a counter of the accountant's floors and a
        # product its contract lists: the template imports as it is.
        day, code, product_code = rows[1][:3]
        self.assertEqual(day, fields.Date.context_today(self.Line).isoformat())
        counter = self.env["mall.counter"].search([("code", "=", code)])
        self.assertIn(self.accountant, counter.floor_id.accountant_ids)
        self.assertIn(product_code, counter.contract_id.product_ids.mapped("default_code"))
        self.assertEqual(self.Line._parse_rows(self.Line._read_file(content, "t.csv"))[1], [])


@tagged("post_install", "-at_install")
class TestTillTemplateDownload(HttpCase):
    """The import dialog's Download Template link serves the CSV to a logged-in user."""

    def test_template_download(self):
        self.authenticate("accountant", "accountant")
        response = self.url_open("/mall_consignment/till_template")
        self.assertEqual(response.status_code, 200)
        self.assertIn("text/csv", response.headers["Content-Type"])
        self.assertIn("till-template.csv", response.headers["Content-Disposition"])
        header = response.content.decode("utf-8-sig").splitlines()[0]
        self.assertIn(
            header,
            ("日期,专柜,商品,数量,金额,折扣", "date,counter,product,quantity,amount,discount"),
        )

    def test_template_needs_a_login(self):
        response = self.url_open("/mall_consignment/till_template", allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))
