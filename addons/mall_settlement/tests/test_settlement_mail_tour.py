from datetime import date, datetime

from odoo.tests import HttpCase, new_test_user, tagged

from .common import SettlementCase


@tagged("post_install", "-at_install")
class TestSettlementMailTour(HttpCase, SettlementCase):
    """In the browser: the demo floor accountant prepares the period and sends the
    statement from her home screen (an e-mail with the PDF is queued), the supplier's
    contact downloads the PDF on the portal, and the cashier pays the queue from hers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.demo_accountant = cls.env.ref("mall_consignment.user_floor_accountant")
        cls.floor2.accountant_ids = [(4, cls.demo_accountant.id)]
        cls.contact = cls.env["res.partner"].create(
            {"name": "张丽", "parent_id": cls.supplier.id, "email": "zhangli@example.com"}
        )
        cls.portal_user = new_test_user(
            cls.env, login="ms_tour_portal", groups="base.group_portal", partner_id=cls.contact.id
        )
        cls.contract = cls.signed_contract()
        cls.sales(
            cls.contract,
            [(date(2029, 3, 1), 50000.0, 3000.0), (date(2029, 3, 20), 30000.0, 2000.0)],
        )
        cls.charge(cls.contract, "electricity", 500.0)
        cls.charge(cls.contract, "promotion", 1000.0)
        cls.march = cls.period()

    def test_accountant_sends_and_supplier_downloads_the_pdf(self):
        home = self.env.ref("mall_settlement.action_mall_settlement_period")
        self.assertEqual(self.demo_accountant.action_id.id, home.id)
        self.start_tour("/odoo", "mall_settlement_prepare_tour", login=self.demo_accountant.login)
        statement = self.march.statement_ids.filtered(lambda s: s.contract_id == self.contract)
        self.assertEqual(statement.state, "sent")
        self.assertEqual(statement.payable, 60500.00)
        mail = self.env["mail.mail"].search(
            [("model", "=", statement._name), ("res_id", "=", statement.id)]
        )
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.recipient_ids, self.contact)
        # The 结算单 report is attached. A test server renders reports as HTML, and
        # wkhtmltopdf cannot fetch the report's assets while the browser's request holds
        # the test cursor: the rendered PDF itself is checked in test_settlement_mail.
        attachment = mail.attachment_ids
        self.assertEqual(len(attachment), 1)
        self.assertTrue(attachment.name.startswith(f"结算单 {statement.name.replace('/', '-')}"))
        self.assertIn("60,500.00", attachment.raw.decode())
        self.assertIn(statement.get_portal_url(), mail.body_html)
        self.start_tour(
            "/my/settlements", "mall_settlement_portal_pdf_tour", login=self.portal_user.login
        )

    def test_cashier_pays_the_queue_from_home(self):
        cashier = self.env.ref("mall_settlement.user_cashier")
        home = self.env.ref("mall_settlement.action_mall_settlement_payment_queue")
        self.assertEqual(cashier.action_id.id, home.id)
        self.march.action_prepare()
        statement = self.march.statement_ids.filtered(lambda s: s.contract_id == self.contract)
        self.post(statement)
        statement.with_user(self.finance).action_register_invoice()
        statement.sudo().invoice_received_date = datetime(2029, 3, 28, 9, 0)
        self.start_tour("/odoo", "mall_settlement_pay_queue_tour", login=cashier.login)
        self.assertEqual(statement.state, "paid")
        self.assertEqual(statement.payment_id.amount, 60500.00)
        self.assertEqual(statement.payment_id.create_uid, cashier)
