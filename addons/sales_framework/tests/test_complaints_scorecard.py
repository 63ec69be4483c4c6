import io
from datetime import date, timedelta

from openpyxl import load_workbook

from odoo.exceptions import UserError

from .common import SalesFrameworkCase


class TestComplaintsScorecard(SalesFrameworkCase):
    def test_complaint_resolution_and_scorecard(self):
        month = date(2037, 5, 1)
        plan = (
            self.env["sales.target.plan"]
            .with_user(self.manager)
            .create(
                {
                    "name": "2037",
                    "year": 2037,
                    "team_target_ids": [
                        (0, 0, {"team_id": self.team.id, "amount": 240000.0, "new_customers": 24})
                    ],
                }
            )
        )
        plan.action_split()
        plan.request_validation()
        plan.with_user(self.vp)._validate_tier()
        plan.with_user(self.gm)._validate_tier()
        order = self.confirmed_order(month + timedelta(days=3), amount=8000.0)
        invoice = order._create_invoices()
        invoice.write({"invoice_date": month, "invoice_date_due": month + timedelta(days=5)})
        invoice.action_post()

        complaint = (
            self.env["sales.complaint"]
            .with_user(self.seller)
            .create(
                {
                    "partner_id": self.customer.id,
                    "order_id": order.id,
                    "responsible_id": self.manager.id,
                    "date": month + timedelta(days=10),
                    "date_deadline": month + timedelta(days=17),
                    "description": "电机噪音偏大",
                    "after_sales_cost": 1250.5,
                }
            )
        )
        self.assertEqual(complaint.user_id, self.seller)
        self.assertEqual(complaint.activity_ids.user_id, self.manager)
        with self.assertRaisesRegex(UserError, "Write the resolution"):
            complaint.action_resolve()
        complaint.resolution = "更换轴承"
        complaint.action_resolve()
        self.assertEqual(complaint.state, "resolved")
        self.assertFalse(complaint.activity_ids)

        wizard = (
            self.env["sales.scorecard.wizard"]
            .with_user(self.manager)
            .create({"month": month + timedelta(days=20), "team_ids": [(6, 0, self.team.ids)]})
        )
        rows = {row["user"]: row for row in wizard._scorecard_rows()}
        row = rows[self.seller.name]
        self.assertEqual(row["target"], 10000.0)
        self.assertEqual(row["sales"], 8000.0)
        self.assertEqual(row["achievement"], 80.0)
        self.assertEqual(row["new_customers"], 1)
        self.assertEqual(row["overdue"], 8000.0)
        self.assertEqual((row["complaints"], row["after_sales_cost"]), (1, 1250.5))
        self.assertEqual(rows[self.seller2.name]["complaints"], 0)

        content, kind = self.env["ir.actions.report"]._render(
            "sales_framework.action_report_sales_scorecard_xlsx", wizard.ids
        )
        self.assertEqual(kind, "xlsx")
        sheet = load_workbook(io.BytesIO(content)).active
        values = [[cell.value for cell in r] for r in sheet.iter_rows(min_row=4)]
        line = next(v for v in values if v[0] == self.seller.name)
        self.assertEqual(line[1:4], [10000.0, 8000.0, 80.0])
        self.assertEqual(line[7:10], [8000.0, 1, 1250.5])
