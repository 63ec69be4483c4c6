import calendar
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_round


class SalesTarget(models.Model):
    """A salesperson's target for one month, with the achievement so far and, on the
    salesperson's dashboard, the gap per remaining working day and the month's run-rate
    forecast."""

    _name = "sales.target"
    _description = "Monthly Sales Target"
    _order = "date, team_id, user_id"
    _rec_names_search = ["user_id", "team_id"]

    plan_id = fields.Many2one("sales.target.plan", required=True, ondelete="cascade", index=True)
    plan_state = fields.Selection(related="plan_id.state")
    company_id = fields.Many2one(related="plan_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="plan_id.currency_id")
    team_id = fields.Many2one("crm.team", string="Sales Team", required=True, index=True)
    user_id = fields.Many2one("res.users", string="Salesperson", required=True, index=True)
    date = fields.Date(string="Month", required=True, index=True)
    amount_target = fields.Monetary(string="Sales Target")
    new_customer_target = fields.Integer(string="New Customers Target")

    amount_sales = fields.Monetary(string="Confirmed Sales", compute="_compute_achievement")
    amount_collected = fields.Monetary(string="Collected", compute="_compute_achievement")
    new_customers = fields.Integer(compute="_compute_achievement")
    achievement = fields.Float(string="Achievement (%)", compute="_compute_achievement")
    amount_gap = fields.Monetary(string="Gap to Target", compute="_compute_achievement")
    working_days = fields.Integer(string="Working Days", compute="_compute_achievement")
    working_days_left = fields.Integer(string="Working Days Left", compute="_compute_achievement")
    gap_per_day = fields.Monetary(string="Gap per Working Day Left", compute="_compute_achievement")
    amount_forecast = fields.Monetary(
        string="Run-Rate Forecast",
        compute="_compute_achievement",
        help="Confirmed sales so far divided by the working days gone, times the working "
        "days of the month.",
    )

    _sql_constraints = [
        (
            "cell_uniq",
            "unique(plan_id, team_id, user_id, date)",
            "A salesperson has one target per team and month in a plan.",
        ),
        ("amount_positive", "CHECK(amount_target >= 0)", "Targets cannot be negative."),
        ("customers_positive", "CHECK(new_customer_target >= 0)", "Targets cannot be negative."),
    ]

    @api.depends("date", "user_id", "team_id")
    def _compute_display_name(self):
        for target in self:
            month = target.date and target.date.strftime("%Y-%m") or ""
            target.display_name = f"{target.user_id.name} {month}"

    @api.model
    def _working_dates(self, company, date_from, date_to):
        """Working dates of the company's calendar between two dates (both included)."""
        calendar_ = company.resource_calendar_id
        weekdays = (
            {int(day) for day in calendar_.attendance_ids.mapped("dayofweek")}
            if calendar_
            else {0, 1, 2, 3, 4}
        )
        holidays = set()
        for leave in calendar_.global_leave_ids if calendar_ else []:
            day = leave.date_from.date()
            while day <= leave.date_to.date():
                holidays.add(day)
                day += timedelta(days=1)
        day, result = date_from, []
        while day <= date_to:
            if day.weekday() in weekdays and day not in holidays:
                result.append(day)
            day += timedelta(days=1)
        return result

    @api.depends_context("uid", "tz")
    def _compute_achievement(self):
        figures = self.env["sales.achievement.report"]._achievement_by_cell(self)
        today = fields.Date.context_today(self)
        for target in self:
            sales, collected, customers = figures.get(
                (target.user_id.id, target.team_id.id, target.date), (0.0, 0.0, 0)
            )
            target.amount_sales = sales
            target.amount_collected = collected
            target.new_customers = customers
            target.achievement = (
                float_round(100.0 * sales / target.amount_target, 1)
                if target.amount_target
                else 0.0
            )
            target.amount_gap = max(target.amount_target - sales, 0.0)
            if not target.date:
                target.working_days = target.working_days_left = 0
                target.gap_per_day = target.amount_forecast = 0.0
                continue
            first = target.date
            last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
            days = target._working_dates(target.company_id, first, last)
            left = [day for day in days if day >= today]
            target.working_days = len(days)
            target.working_days_left = len(left)
            target.gap_per_day = (
                float_round(target.amount_gap / len(left), 2) if left else target.amount_gap
            )
            gone = len(days) - len(left)
            target.amount_forecast = (
                float_round(sales / gone * len(days), 2) if gone and left else sales
            )

    def write(self, vals):
        if self.filtered(lambda t: t.plan_id.state != "draft"):
            raise UserError(
                self.env._(
                    "Targets of plan %(plan)s are frozen once it leaves draft.",
                    plan=self.plan_id[:1].name,
                )
            )
        if any(t.plan_id.review_ids for t in self):
            raise UserError(self.env._("Targets cannot change while their plan is under review."))
        return super().write(vals)

    @api.model
    def action_open_my_dashboard(self):
        """The salesperson's dashboard: this month's target of the current user."""
        today = fields.Date.context_today(self)
        target = self.search(
            [
                ("user_id", "=", self.env.uid),
                ("date", "=", today.replace(day=1)),
                ("plan_id.state", "=", "approved"),
            ],
            limit=1,
        )
        if not target:
            # No approved target this month: the salesperson's targets, with the reason.
            action = self.env["ir.actions.act_window"]._for_xml_id(
                "sales_framework.sales_target_action"
            )
            action["help"] = Markup("<p>%s</p>") % self.env._(
                "You have no approved sales target for %(month)s.",
                month=today.strftime("%Y-%m"),
            )
            return action
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("My Sales Dashboard"),
            "res_model": "sales.target",
            "res_id": target.id,
            "views": [(self.env.ref("sales_framework.sales_target_view_dashboard").id, "form")],
            "target": "current",
        }
