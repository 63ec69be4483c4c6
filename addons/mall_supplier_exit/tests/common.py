from datetime import timedelta

from odoo import fields

from odoo.addons.mall_settlement.tests.common import SettlementCase


class ExitCase(SettlementCase):
    """SettlementCase plus exit-notice and period helpers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.context_today(cls.env["mall.contract"])

    def period_of(self, day):
        """The settlement period (created) whose dates hold ``day`` (cutoff the 25th)."""
        month = day if day.day <= self.company.mall_cutoff_day else day + timedelta(days=10)
        return self.env["mall.settlement.period"].create_for_month(
            month.year, month.month, self.company
        )

    def notice(self, contract, days=3, user=None, reason="quality_claims"):
        Notice = self.env["mall.exit.notice"]
        if user:
            Notice = Notice.with_user(user)
        return Notice.create(
            {
                "contract_id": contract.id,
                "reason": reason,
                "date_exit": fields.Date.context_today(Notice) + timedelta(days=days),
            }
        )

    def approve(self, record, user):
        record.with_user(user)._validate_tier()
        return record
