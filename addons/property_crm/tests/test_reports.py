import io

import openpyxl
from freezegun import freeze_time

from odoo import fields
from odoo.tests import Form, tagged

from .common import PropertyCrmCase


@tagged("post_install", "-at_install")
class TestSalesReports(PropertyCrmCase):
    """R1: each report's figures against the week computed by hand:

    - Mon 2 March: 李明 registers a call (黄先生, signboard) and a visit (周杰, online);
      赵敏 registers 黄先生's phone again by a visit (a collision);
    - Tue 3 March: 李明's answered follow-up call of 黄先生 (not an inbound call);
    - Wed 4 March: 周杰 pays the 50,000 deposit, unit 1-0101 (3室2厅2卫, 128.37 m² ×
      18,500 = 2,374,845.00) is locked and subscribed.

    Week 2-8 March: 1 call, 2 visits, 2 new customers, 1 collision, 1 lock, 1 subscription
    of 2,374,845.00, deposits 50,000.00, visit to subscription 1/1 = 100%."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.online = cls.env.ref("property_crm.utm_source_online")
        with freeze_time("2026-03-02 02:00:00"):
            cls.huang = cls.register(cls, cls.consultant)
            cls.zhou = cls.register(
                cls,
                cls.consultant,
                phone="13900139000",
                kind="visit",
                name="周杰",
                source_id=cls.online.id,
                wanted_layout="3室2厅2卫",
            )
            cls.register(cls, cls.consultant2, kind="visit", name="黄先生")
        with freeze_time("2026-03-03 02:00:00"):
            cls.huang.with_user(cls.consultant)._log_followup("call", True)
        with freeze_time("2026-03-04 02:00:00"):
            cls.zhou.with_user(cls.consultant).write({"partner_id": cls.customer2.id})
            deposit = cls.paid_deposit(cls, partner=cls.customer2, unit=cls.unit)
            cls.lock(cls, cls.unit, partner=cls.customer2, deposit_id=deposit.id)
            cls.subscription = (
                cls.env["property.subscription"]
                .with_user(cls.consultant)
                .create({"unit_id": cls.unit.id, "partner_id": cls.customer2.id})
            )
            cls.subscription.action_confirm()

    def figures(self, kind, day):
        Analysis = self.env["property.sales.analysis"]
        date_from, date_to = Analysis._report_period(kind, fields.Date.to_date(day))
        return Analysis._figures(self.project, date_from, date_to)[(self.project,)]

    def xlsx(self, kind, day):
        content, _kind = self.env["ir.actions.report"]._render_xlsx(
            "property_crm.property_sales_report_xlsx", self.project.ids, {"kind": kind, "date": day}
        )
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        return [[cell.value for cell in row] for row in sheet.iter_rows()]

    def test_periods(self):
        Analysis = self.env["property.sales.analysis"]
        day = fields.Date.to_date("2026-03-09")
        self.assertEqual(
            [str(d) for d in Analysis._report_period("weekly", day)], ["2026-03-02", "2026-03-08"]
        )
        self.assertEqual(
            [str(d) for d in Analysis._report_period("monthly", day)], ["2026-02-26", "2026-03-25"]
        )
        self.assertEqual(
            [str(d) for d in Analysis._report_period("half_year", day)],
            ["2025-10-01", "2026-03-31"],
        )

    def test_daily_report(self):
        self.assertEqual(self.subscription.lead_id, self.zhou)
        figures = self.figures("daily", "2026-03-02")
        self.assertEqual(
            [figures[k] for k in ("call_count", "visit_count", "lead_count", "collision_count")],
            [1, 2, 2, 1],
        )
        self.assertEqual((figures["lock_count"], figures["subscription_count"]), (0, 0))
        rows = self.xlsx("daily", "2026-03-04")
        summary = {row[0]: row[1] for row in rows[3:12]}
        self.assertEqual(summary["Locks"], 1)
        self.assertEqual(summary["Subscriptions"], 1)
        self.assertEqual(summary["Subscribed Amount"], 2374845.0)
        self.assertEqual(summary["Deposits Received"], 50000.0)
        self.assertEqual(summary["Calls"], 0)

    def test_weekly_and_monthly_reports(self):
        for kind, day in (("weekly", "2026-03-09"), ("monthly", "2026-03-20")):
            figures = self.figures(kind, day)
            self.assertEqual(
                [
                    figures[k]
                    for k in (
                        "call_count",
                        "visit_count",
                        "lead_count",
                        "collision_count",
                        "lock_count",
                        "subscription_count",
                        "visit_subscription_count",
                    )
                ],
                [1, 2, 2, 1, 1, 1, 1],
                kind,
            )
            self.assertEqual(figures["subscription_amount"], 2374845.0)
            self.assertEqual(figures["payment_amount"], 50000.0)
            self.assertEqual(self.env["property.sales.analysis"]._conversion(figures), 100.0)
        rows = self.xlsx("weekly", "2026-03-09")
        self.assertEqual(rows[1][0], "2026-03-02 – 2026-03-08")
        by_source = rows[[r[0] for r in rows].index("By Source") + 1 :]
        online = next(row for row in by_source if row[0] == "网络")
        self.assertEqual(online[1:3], [0, 1], "周杰's visit came from online")
        signboard = next(row for row in by_source if row[0] == "路牌广告")
        self.assertEqual(signboard[1:3], [1, 1], "黄先生's call and the colliding visit")

    def test_half_year_analysis_trend_and_layouts(self):
        rows = self.xlsx("half_year", "2026-03-31")
        labels = [row[0] for row in rows]
        trend = rows[labels.index("Six-Month Trend") + 1]
        self.assertEqual(trend[0], "2026-03-01")
        self.assertEqual(trend[5:7], [1, 2374845.0])
        layouts = rows[labels.index("Layouts, Best-Selling First") + 1 :]
        self.assertEqual(layouts[0][:4], ["3室2厅2卫", 1, 2374845.0, 2])
        self.assertEqual(layouts[1][:4], ["2室2厅1卫", 0, 0.0, 3])

    def test_dashboard_shows_the_same_figures(self):
        wizard = Form(self.env["property.sales.report.wizard"].with_user(self.manager))
        wizard.kind = "weekly"
        wizard.date = fields.Date.to_date("2026-03-09")
        wizard.project_ids.clear()
        wizard.project_ids.add(self.project)
        action = wizard.save().action_dashboard()
        [[calls, visits, amount]] = (
            self.env["property.sales.analysis"]
            .with_user(self.manager)
            ._read_group(
                action["domain"],
                [],
                ["call_count:sum", "visit_count:sum", "subscription_amount:sum"],
            )
        )
        self.assertEqual((calls, visits, amount), (1, 2, 2374845.0))

    @freeze_time("2026-03-09 00:30:00")
    def test_monday_cron_posts_the_weekly_report(self):
        self.env["property.project"]._cron_post_weekly_report()
        message = self.project.message_ids[0]
        self.assertIn("2026-03-02", message.body)
        self.assertEqual(message.attachment_ids.name, "JXHT-2026-03-02-2026-03-08.xlsx")
        self.assertIn(self.manager.partner_id, message.partner_ids)
        self.assertIn(self.secretary.partner_id, message.partner_ids)
