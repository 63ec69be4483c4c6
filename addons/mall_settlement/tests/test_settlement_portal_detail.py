from datetime import date

from lxml import html

from odoo.tests import HttpCase, tagged
from odoo.tools import format_amount

from .common import SettlementCase


@tagged("post_install", "-at_install")
class TestSettlementPortalDetail(HttpCase, SettlementCase):
    """The supplier's statement page shows the sales by day and by counter and offers
    the 结算单 PDF; another supplier and drafts stay hidden."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_contact(
            cls.supplier,
            "张丽",
            "ms_detail_portal",
            email="zhangli@example.com",
            password="ms_detail_portal_pwd",
        )
        other = cls.env["res.partner"].create({"name": "宁波海韵服饰有限公司", "is_company": True})
        cls.portal_contact(
            other,
            "陈静",
            "ms_other_portal",
            email="chenjing@example.com",
            password="ms_other_portal_pwd",
        )
        contract = cls.signed_contract(counter_ids=[(6, 0, (cls.counter | cls.counter_b).ids)])
        cls.sales(
            contract,
            [
                (date(2029, 2, 26), 30000.0, 2000.0),
                (date(2029, 3, 10), 25000.0, 1000.0),
                (date(2029, 3, 26), 888.0, 8.0),  # next period
            ],
        )
        cls.sales(
            contract,
            [(date(2029, 3, 10), 12345.67, 0.0), (date(2029, 3, 25), 25000.0, 2000.0)],
            counter=cls.counter_b,
        )
        cls.period_march = cls.period()
        cls.period_march.action_prepare()
        cls.statement = cls.period_march.statement_ids.filtered(lambda s: s.contract_id == contract)

    def money(self, amount):
        """An amount as the page shows it (symbol and figure, spaces collapsed)."""
        return " ".join(format_amount(self.env, amount, self.statement.currency_id).split())

    def _rows(self, page, table_id):
        return [
            [" ".join(cell.text_content().split()) for cell in row.findall("td")]
            for row in page.get_element_by_id(table_id).findall(".//tbody/tr")
        ]

    def test_supplier_reads_sales_by_day_and_counter_and_downloads_pdf(self):
        statement = self.statement
        self.assertEqual(statement.net_sales, 92345.67)
        self.authenticate("ms_detail_portal", "ms_detail_portal_pwd")
        url = f"/my/settlements/{statement.id}"
        self.assertEqual(self.url_open(url).status_code, 404, "a draft is not on the portal")
        statement.action_send()
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        page = html.fromstring(response.text)
        days = self._rows(page, "settlement_sales_by_day")
        self.assertEqual(len(days), 3)
        self.assertEqual(
            [row[1:] for row in days],
            [
                [self.money(30000), self.money(0), self.money(2000)],
                [self.money(37345.67), self.money(0), self.money(1000)],
                [self.money(25000), self.money(0), self.money(2000)],
            ],
        )
        counters = self._rows(page, "settlement_sales_by_counter")
        self.assertEqual(
            counters,
            [
                ["[TF2-01] 女装岛柜", self.money(55000), self.money(3000)],
                ["[TF2-02] 形象厅", self.money(37345.67), self.money(2000)],
            ],
        )
        # The PDF, offered on the page, is downloaded as a file.
        links = [a.get("href") for a in page.iter("a") if "report_type=pdf" in a.get("href", "")]
        self.assertEqual(len(links), 1)
        self.assertIn("download=true", links[0])
        pdf = self.url_open(links[0])
        self.assertEqual(pdf.status_code, 200)
        self.assertEqual(pdf.headers["Content-Type"], "application/pdf")
        self.assertIn("attachment", pdf.headers["Content-Disposition"])
        self.assertIn("92,345.67", pdf.text)  # HTML in test mode

    def test_other_supplier_gets_not_found(self):
        statement = self.statement
        statement.action_send()
        self.authenticate("ms_other_portal", "ms_other_portal_pwd")
        url = f"/my/settlements/{statement.id}"
        self.assertEqual(self.url_open(url).status_code, 404)
        self.assertEqual(self.url_open(f"{url}?report_type=pdf&download=true").status_code, 404)
        response = self.url_open("/my/settlements")
        self.assertNotIn(statement.name, response.text)

    def test_contact_without_login_opens_the_mailed_link(self):
        """The link of the e-mail carries the statement's token: a contact without a
        portal login reads the page and the PDF."""
        statement = self.statement
        statement.action_send()
        response = self.url_open(statement.get_portal_url())
        self.assertEqual(response.status_code, 200)
        self.assertIn("37,345.67", response.text)
        pdf = self.url_open(statement.get_portal_url(report_type="pdf", download=True))
        self.assertEqual(pdf.status_code, 200)
        self.assertEqual(self.url_open(f"/my/settlements/{statement.id}").status_code, 404)
