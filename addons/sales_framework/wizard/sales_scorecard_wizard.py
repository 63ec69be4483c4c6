import calendar

from odoo import fields, models


class SalesScorecardWizard(models.TransientModel):
    """The monthly performance scorecard (销售业绩考核) of each salesperson: sales against
    target, collections, new customers, overdue receivables and complaints."""

    _name = "sales.scorecard.wizard"
    _description = "Sales Scorecard"

    month = fields.Date(
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
        help="Any day of the month reported on.",
    )
    team_ids = fields.Many2many("crm.team", string="Sales Teams")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    def _bounds(self):
        first = self.month.replace(day=1)
        last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
        return first, last

    def _scorecard_rows(self):
        """One dict per salesperson with a target or sales in the month (sorted by name)."""
        self.ensure_one()
        first, last = self._bounds()
        domain = [("company_id", "=", self.company_id.id), ("date", "=", first)]
        if self.team_ids:
            domain.append(("team_id", "in", self.team_ids.ids))
        groups = self.env["sales.achievement.report"]._read_group(
            domain,
            ["user_id"],
            [
                "amount_target:sum",
                "amount_sales:sum",
                "amount_collected:sum",
                "new_customer_target:sum",
                "new_customers:sum",
            ],
        )
        users = self.env["res.users"].browse([g[0].id for g in groups if g[0]])
        overdue = dict(
            self.env["account.move"]._read_group(
                [
                    ("company_id", "=", self.company_id.id),
                    ("move_type", "=", "out_invoice"),
                    ("state", "=", "posted"),
                    ("payment_state", "in", ("not_paid", "partial")),
                    ("invoice_date_due", "<", last),
                    ("invoice_user_id", "in", users.ids),
                ],
                ["invoice_user_id"],
                ["amount_residual_signed:sum"],
            )
        )
        complaints = {
            user: (count, cost)
            for user, count, cost in self.env["sales.complaint"]._read_group(
                [
                    ("company_id", "=", self.company_id.id),
                    ("date", ">=", first),
                    ("date", "<=", last),
                    ("state", "!=", "cancel"),
                    ("user_id", "in", users.ids),
                ],
                ["user_id"],
                ["__count", "after_sales_cost:sum"],
            )
        }
        rows = []
        for user, target, sales, collected, customer_target, customers in groups:
            if not user:
                continue
            count, cost = complaints.get(user, (0, 0.0))
            rows.append(
                {
                    "user": user.name,
                    "target": target,
                    "sales": sales,
                    "achievement": round(100.0 * sales / target, 1) if target else 0.0,
                    "collected": collected,
                    "new_customer_target": customer_target,
                    "new_customers": customers,
                    "overdue": overdue.get(user, 0.0),
                    "complaints": count,
                    "after_sales_cost": cost,
                }
            )
        return sorted(rows, key=lambda row: row["user"])

    def action_print(self):
        return self.env.ref("sales_framework.action_report_sales_scorecard_xlsx").report_action(
            self
        )
