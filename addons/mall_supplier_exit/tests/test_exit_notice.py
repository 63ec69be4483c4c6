from datetime import timedelta

from odoo.exceptions import AccessError, UserError

from .common import ExitCase


class TestExitNotice(ExitCase):
    def test_three_day_notice_by_own_floor(self):
        """E4: filed by the floor at least 3 days before the counter is cleared."""
        contract = self.signed_contract()
        late = self.notice(contract, days=2, user=self.floor_manager)
        with self.refused(UserError, "less than 3 days away"):
            late.with_user(self.floor_manager).action_submit()
        self.assertEqual(late.state, "draft")
        notice = self.notice(contract, days=3, user=self.floor_manager)
        with self.assertRaises(AccessError):
            notice.with_user(self.floor_manager3).action_submit()
        with self.assertRaises(AccessError):
            notice.with_user(self.buyer).action_submit()
        notice.with_user(self.floor_manager).action_submit()
        self.assertEqual(notice.state, "submitted")
        self.assertEqual(notice.date_filed, notice.date_exit - timedelta(days=3))
        # Reviewed by the marketing department: the floor cannot approve its own notice.
        notice.with_user(self.floor_manager)._validate_tier()
        self.assertEqual(notice.state, "submitted")
        self.assertEqual(notice.validation_status, "pending")
        self.approve(notice, self.head)
        self.assertEqual(notice.state, "approved")

    def test_exit_with_delay_penalty(self):
        """E4: each day past the exit date is a charge at the daily delay penalty; the
        contract ends with the reason and the counter is free; fixtures go to storage."""
        contract = self.signed_contract(delay_penalty_daily=500.0)
        notice = self.notice(contract, days=5, user=self.floor_manager)
        notice.fixture_pieces = 3
        notice.with_user(self.floor_manager).action_submit()
        self.approve(notice, self.head)
        cleared = notice.date_exit + timedelta(days=2)
        notice.with_user(self.floor_manager).action_done(cleared)
        self.assertEqual(notice.state, "done")
        self.assertEqual(notice.delay_days, 2)
        charge = notice.penalty_charge_id
        self.assertEqual(charge.amount, 1000.0)
        self.assertEqual(charge.charge_type_id.code, "exit_delay_penalty")
        self.assertEqual(charge.date, cleared)
        self.assertEqual(contract.state, "terminated")
        self.assertEqual(contract.date_terminated, notice.date_exit)
        self.assertIn(notice.name, contract.termination_reason)
        self.assertEqual(self.counter.state, "vacant")
        self.assertEqual(notice.fixture_ids.pieces, 3)
        self.assertEqual(notice.fixture_ids.date_stored, cleared)
        # The charge reaches the statement of the period its date falls in.
        period = self.period_of(cleared)
        self.assertTrue(period.date_from <= cleared <= period.date_to)
        period.with_user(self.accountant).action_prepare()
        statement = period.statement_ids.filtered(lambda s: s.contract_id == contract)
        self.assertIn(charge, statement.charge_ids)

    def test_exit_on_time_no_penalty(self):
        contract = self.signed_contract(delay_penalty_daily=500.0)
        notice = self.notice(contract, days=4, user=self.floor_manager)
        notice.with_user(self.floor_manager).action_submit()
        self.approve(notice, self.head)
        notice.with_user(self.head).action_done(notice.date_exit)
        self.assertFalse(notice.penalty_charge_id)
        self.assertEqual(notice.delay_days, 0)
        self.assertEqual(contract.state, "terminated")

    def test_rejected_notice_back_to_draft_keeps_history(self):
        contract = self.signed_contract()
        notice = self.notice(contract, days=3, user=self.floor_manager)
        notice.with_user(self.floor_manager).action_submit()
        notice.with_user(self.head)._rejected_tier()
        self.assertEqual(notice.state, "draft")
        notice.with_user(self.floor_manager).action_submit()
        self.assertEqual(notice.review_history_ids.mapped("status"), ["rejected"])
        self.assertEqual(notice.review_ids.mapped("status"), ["pending"])

    def test_state_cannot_be_written(self):
        contract = self.signed_contract()
        notice = self.notice(contract, days=3, user=self.floor_manager)
        with self.assertRaises(UserError):
            notice.with_user(self.floor_manager).write({"state": "done"})

    def test_renewal_prefilled_and_signed(self):
        """C8: a renewal takes the terms in force, the same counters, the next day."""
        contract = self.signed_contract(delay_penalty_daily=300.0)
        action = contract.with_user(self.buyer).action_renew()
        renewal = self.env["mall.contract"].browse(action["res_id"])
        self.assertEqual(renewal.state, "draft")
        self.assertEqual(renewal.renewed_from_id, contract)
        self.assertEqual(renewal.counter_ids, contract.counter_ids)
        self.assertEqual(renewal.date_start, contract.date_end + timedelta(days=1))
        self.assertEqual(renewal.commission_rate, 20.0)
        self.assertEqual(renewal.monthly_target, 100000.0)
        self.assertEqual(renewal.delay_penalty_daily, 300.0)
        self.assertEqual(contract.end_decision, "renewal")
        with self.refused(UserError, "already has a renewal"):
            contract.with_user(self.buyer).action_renew()
        renewal.with_user(self.buyer).action_submit()
        renewal.with_user(self.head).action_sign()
        self.assertEqual(renewal.state, "signed")
        with self.assertRaises(AccessError):
            contract.with_user(self.floor_manager).action_renew()

    def test_end_decision_activity(self):
        contract = self.signed_contract(date_end=self.today + timedelta(days=30))
        self.head.lang = "zh_CN"  # the scheduler runs without a language: the reader's
        self.env["mall.contract"]._cron_end_decisions()
        self.assertIn(self.head, contract.activity_ids.user_id)
        self.env["mall.contract"]._cron_end_decisions()
        todo = contract.activity_ids.filtered(lambda a: a.user_id == self.head)
        self.assertEqual(len(todo), 1)
        self.assertEqual(todo.summary, f"请续签合同 {contract.name} 或提交其退场通知单")
