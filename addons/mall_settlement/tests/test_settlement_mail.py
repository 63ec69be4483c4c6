import base64

from odoo.tests import HttpCase, tagged

from odoo.addons.marketing_base.tests.common import pdf_text

from .common import SettlementCase


@tagged("post_install", "-at_install")
class TestSettlementMail(HttpCase, SettlementCase):
    """Send to Supplier e-mails the supplier's contacts: the template in the supplier's
    language, the 结算单 PDF attached and the portal link, queued as a mail.mail. (An
    HttpCase: wkhtmltopdf fetches the report's assets from the test server.)"""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.demo_accountant = cls.env.ref("mall_consignment.user_floor_accountant")
        cls.floor2.accountant_ids = [(4, cls.demo_accountant.id)]
        cls.supplier.lang = "zh_CN"
        cls.company.partner_id.email = "finance@hualian.example.com"
        cls.contact = cls.env["res.partner"].create(
            {"name": "张丽", "parent_id": cls.supplier.id, "email": "zhangli@example.com"}
        )
        cls.contact2 = cls.env["res.partner"].create(
            {"name": "王芳", "parent_id": cls.supplier.id, "email": "wangfang@example.com"}
        )
        cls.no_email = cls.env["res.partner"].create({"name": "李四", "parent_id": cls.supplier.id})

    def _mails(self, statement):
        return self.env["mail.mail"].search(
            [("model", "=", statement._name), ("res_id", "=", statement.id)]
        )

    def test_send_emails_the_pdf_and_portal_link_to_the_contacts(self):
        _contract, _period, statement = self.worked_example()
        statement.with_user(self.demo_accountant).with_context(
            force_report_rendering=True
        ).action_send()
        self.assertEqual(statement.state, "sent")
        mails = self._mails(statement)
        self.assertEqual(len(mails), 1, "one e-mail to the supplier's contacts")
        self.assertEqual(mails.state, "outgoing", "queued, sent by the mail queue")
        self.assertEqual(mails.recipient_ids, self.contact | self.contact2)
        self.assertEqual(mails.author_id, self.demo_accountant.partner_id)
        self.assertEqual(mails.email_from, self.company.email_formatted)
        # In the supplier's language (zh_CN)
        self.assertEqual(mails.subject, f"{self.company.name}：结算单 {statement.name}")
        self.assertIn("应付您", mails.body_html)
        self.assertIn("60,500.00", mails.body_html)
        # The portal link with the statement's access token
        self.assertTrue(statement.access_token)
        self.assertIn(statement.get_base_url() + statement.get_portal_url(), mails.body_html)
        # The 结算单 PDF
        attachment = mails.attachment_ids
        self.assertEqual(len(attachment), 1)
        self.assertEqual(attachment.name, f"结算单 {statement.name.replace('/', '-')}.pdf")
        self.assertEqual(attachment.mimetype, "application/pdf")
        text = pdf_text(base64.b64decode(attachment.datas))
        self.assertIn("60,500.00", text)
        self.assertIn("结算单", text)
        # On the statement's chatter
        message = mails.mail_message_id
        self.assertEqual(message.model, statement._name)
        self.assertEqual(message.res_id, statement.id)
        self.assertEqual(message.attachment_ids, attachment)

    def test_english_supplier_gets_english_mail(self):
        self.supplier.lang = "en_US"
        _contract, _period, statement = self.worked_example()
        statement.with_user(self.demo_accountant).action_send()
        mail = self._mails(statement)
        subject = f"{self.company.name}: settlement statement {statement.name}"
        self.assertEqual(mail.subject, subject)
        self.assertIn("Payable to you", mail.body_html)

    def test_missing_sender_address_never_blocks_sending(self):
        self.demo_accountant.sudo().email = False
        self.assertFalse(self.demo_accountant.email_formatted)
        _contract, _period, statement = self.worked_example()
        statement.with_user(self.demo_accountant).action_send()
        mail = self._mails(statement)
        self.assertEqual(statement.state, "sent")
        self.assertEqual(mail.email_from, self.company.email_formatted, "the company's address")
        self.assertIn("finance@hualian.example.com", mail.email_from)
        # Neither the company nor the user has an address: Odoo's own default (catchall).
        self.company.partner_id.email = False
        self.env.invalidate_all()
        statement.with_user(self.demo_accountant).action_reset_draft()
        statement.with_user(self.demo_accountant).action_send()
        self.assertEqual(statement.state, "sent")
        mail = self._mails(statement) - mail
        self.assertEqual(len(mail), 1)
        sender = statement.with_user(self.demo_accountant)._settlement_mail_from()
        self.assertEqual(mail.email_from, sender)
        self.assertEqual(mail.recipient_ids, self.contact | self.contact2)

    def test_supplier_without_email_gets_a_note(self):
        (self.contact | self.contact2).unlink()
        _contract, _period, statement = self.worked_example()
        statement.with_user(self.demo_accountant).action_send()
        self.assertEqual(statement.state, "sent")
        self.assertFalse(self._mails(statement))
        notes = statement.message_ids.filtered(
            lambda m: "no contact with an e-mail address" in (m.body or "")
        )
        self.assertEqual(len(notes), 1)
