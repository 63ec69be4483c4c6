from datetime import timedelta

from odoo import api, fields, models


class SalesMarketFeedback(models.Model):
    """A salesperson's market report (市场反馈) for a period: competitor moves, customer
    needs and prices seen. The company sets the frequency; a missing report gets a
    reminder."""

    _name = "sales.market.feedback"
    _inherit = ["mail.thread"]
    _description = "Market Feedback"
    _order = "date desc, id desc"

    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        required=True,
        default=lambda self: self.env.user,
        index=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    date = fields.Date(
        string="Period",
        required=True,
        default=lambda self: self._period_start(fields.Date.context_today(self)),
        help="First day of the week or month reported on.",
    )
    competitor_moves = fields.Text(required=True)
    customer_needs = fields.Text()
    prices_seen = fields.Text(string="Prices Seen")

    _sql_constraints = [
        (
            "period_uniq",
            "unique(user_id, company_id, date)",
            "One market report per salesperson and period.",
        ),
    ]

    @api.model
    def _period_start(self, day, company=None):
        company = company or self.env.company
        if company.sales_feedback_frequency == "weekly":
            return day - timedelta(days=day.weekday())
        return day.replace(day=1)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("date"):
                vals["date"] = self._period_start(fields.Date.to_date(vals["date"]))
        return super().create(vals_list)

    @api.model
    def _cron_remind_missing(self):
        """Remind each salesperson of a sales team whose report for the previous period
        is missing (one To-Do on their own contact)."""
        today = fields.Date.context_today(self)
        for company in self.env["res.company"].search([]):
            current = self._period_start(today, company)
            previous = self._period_start(current - timedelta(days=1), company)
            teams = self.env["crm.team"].search([("company_id", "in", [company.id, False])])
            done = set(
                self.search([("company_id", "=", company.id), ("date", "=", previous)]).user_id.ids
            )
            for team in teams:
                for user in team.member_ids.filtered(lambda u, d=done: u.id not in d):
                    summary = self.with_context(lang=user.lang).env._(
                        "Market feedback for %(period)s is missing", period=previous
                    )
                    partner = user.partner_id.sudo()
                    if partner.activity_ids.filtered(
                        lambda a, u=user, s=summary: a.user_id == u and a.summary == s
                    ):
                        continue
                    partner.activity_schedule(
                        "mail.mail_activity_data_todo",
                        date_deadline=today,
                        user_id=user.id,
                        summary=summary,
                    )
