from datetime import date
from unittest.mock import patch

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import SettlementCase


@tagged("post_install", "-at_install")
class TestSettlementFlow(SettlementCase):
    def test_dispute_needs_a_reason_then_back_to_draft(self):
        _contract, _period, statement = self.worked_example()
        statement.with_user(self.accountant).action_send()
        with self.refused(UserError, "reason"):
            statement.with_user(self.accountant).action_dispute(reason="  ")
        self.assertEqual(statement.state, "sent")
        statement.with_user(self.accountant).action_dispute(reason="电费金额有误")
        self.assertEqual(statement.state, "disputed")
        self.assertEqual(statement.dispute_reason, "电费金额有误")
        self.assertIn("电费金额有误", statement.message_ids[0].body)
        statement.with_user(self.accountant).action_reset_draft()
        self.assertEqual(statement.state, "draft")
        statement.with_user(self.accountant).write({"note": "已核对"})

    def test_adjusting_statement_in_a_later_period(self):
        contract, _period, statement = self.worked_example()
        self.post(statement)
        action = statement.with_user(self.accountant).action_create_adjustment()
        self.assertEqual(action["context"]["default_adjustment_of_id"], statement.id)
        later = self.period(2029, 4, user=self.accountant)
        adjustment = (
            self.env["mall.settlement.statement"]
            .with_user(self.accountant)
            .with_context(**action["context"])
            .create({"period_id": later.id, "adjustment_amount": -300.0})
        )
        self.assertEqual(adjustment.contract_id, contract)
        self.assertEqual(adjustment.payable, -300.0)
        later.action_prepare()
        # Prepare keeps the hand-made adjustment apart from the period's own statements.
        self.assertEqual(adjustment.adjustment_amount, -300.0)
        self.post(adjustment)
        self.assertFalse(adjustment.vendor_bill_id)
        self.assertEqual(adjustment.customer_invoice_id.amount_total, 300.0)

    def test_register_invoice_only_after_confirm(self):
        _contract, _period, statement = self.worked_example()
        statement.with_user(self.accountant).action_send()
        with self.refused(UserError, "must be posted"):
            statement.with_user(self.finance).action_register_invoice()
        self.post(statement)
        statement.with_user(self.finance).action_register_invoice()
        self.assertEqual(statement.state, "invoiced")
        self.assertTrue(statement.invoice_received_date)

    def test_cron_prepares_on_cutoff_day_and_notifies(self):
        # the scheduler runs without a language: each To-Do reads its user's
        self.env["res.lang"]._activate_lang("zh_CN")
        self.accountant.lang = "zh_CN"
        self.finance_manager.lang = "en_US"
        contract = self.signed_contract()
        self.sales(contract, [(date(2029, 3, 5), 5000.0, 0.0)])
        Period = self.env["mall.settlement.period"]
        with patch.object(fields.Date, "context_today", return_value=date(2029, 3, 25)):
            Period._cron_settlement()
        period = Period.search([("date_to", "=", date(2029, 3, 25))])
        self.assertEqual(period.state, "prepared")
        self.assertEqual(period.statement_ids.contract_id, contract)
        self.assertIn(self.accountant, period.activity_ids.user_id)
        todo = period.activity_ids.filtered(lambda a: a.user_id == self.accountant)
        self.assertEqual(todo.summary, "核对并发送期间 2029-03 的结算单")
        with patch.object(fields.Date, "context_today", return_value=date(2029, 3, 27)):
            Period._cron_settlement()
        self.assertIn(self.finance_manager, period.activity_ids.user_id)
        todo = period.activity_ids.filtered(lambda a: a.user_id == self.finance_manager)
        self.assertEqual(todo.summary, "Confirm and pay the statements of period 2029-03")

    def test_settings_and_period_form_defaults(self):
        settings = Form(self.env["res.config.settings"])
        settings.mall_cutoff_day = 20
        settings.save().execute()
        self.assertEqual(self.company.mall_cutoff_day, 20)
        with patch.object(fields.Date, "context_today", return_value=date(2029, 3, 19)):
            form = Form(self.env["mall.settlement.period"].with_user(self.accountant))
        # Before the cutoff: the last complete period is February's.
        self.assertEqual(form.date_from, date(2029, 1, 21))
        self.assertEqual(form.date_to, date(2029, 2, 20))
        period = form.save()
        self.assertEqual(period.name, "2029-02")
