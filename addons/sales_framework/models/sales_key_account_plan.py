from datetime import timedelta

from odoo import api, fields, models

MANAGER = "sales_team.group_sale_manager"


class SalesKeyAccountPlan(models.Model):
    """The plan for a key account: goals, contacts and the planned visit frequency. The
    next call or visit is a planned activity of the salesperson; marking it done logs the
    visit and plans the next one at the frequency."""

    _name = "sales.key.account.plan"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _description = "Key Account Plan"
    _order = "next_visit_date, id"

    partner_id = fields.Many2one(
        "res.partner",
        string="Key Account",
        required=True,
        index=True,
        domain=[("is_company", "=", True)],
        tracking=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    active = fields.Boolean(default=True)
    goals = fields.Text()
    contact_ids = fields.Many2many("res.partner", string="Contacts")
    visit_interval = fields.Integer(
        string="Visit Every (days)", required=True, default=30, tracking=True
    )
    date_start = fields.Date(string="Plan Start", required=True, default=fields.Date.context_today)
    last_visit_date = fields.Date(readonly=True)
    next_visit_date = fields.Date(compute="_compute_next_visit_date", store=True)
    visit_ids = fields.One2many("sales.customer.visit", "plan_id", string="Visits")
    visit_overdue = fields.Boolean(compute="_compute_visit_overdue", search="_search_visit_overdue")

    _sql_constraints = [
        (
            "partner_uniq",
            "unique(partner_id, company_id)",
            "A key account has one plan per company.",
        ),
        ("interval_positive", "CHECK(visit_interval > 0)", "Visit every at least one day."),
    ]

    @api.depends("date_start", "last_visit_date", "visit_interval")
    def _compute_next_visit_date(self):
        for plan in self:
            start = plan.last_visit_date or plan.date_start
            plan.next_visit_date = start and start + timedelta(days=plan.visit_interval)

    def _compute_visit_overdue(self):
        today = fields.Date.context_today(self)
        for plan in self:
            plan.visit_overdue = bool(plan.next_visit_date and plan.next_visit_date < today)

    def _search_visit_overdue(self, operator, value):
        today = fields.Date.context_today(self)
        overdue = (operator == "=") == bool(value)
        return [("next_visit_date", "<" if overdue else ">=", today)]

    @api.model_create_multi
    def create(self, vals_list):
        plans = super().create(vals_list)
        plans.partner_id.sudo().write({"account_class": "key"})
        plans._schedule_next_visit()
        return plans

    def write(self, vals):
        res = super().write(vals)
        if {"visit_interval", "user_id", "date_start"} & set(vals):
            self._schedule_next_visit()
        return res

    def _visit_activities(self):
        activity_type = self.env.ref("sales_framework.mail_activity_customer_visit")
        return self.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)

    def _schedule_next_visit(self):
        """One open visit activity per plan, due at the next visit date."""
        activity_type = self.env.ref("sales_framework.mail_activity_customer_visit")
        for plan in self.filtered("active"):
            open_visit = plan._visit_activities()
            values = {"date_deadline": plan.next_visit_date, "user_id": plan.user_id.id}
            if open_visit:
                open_visit.sudo().write(values)
            else:
                plan.sudo().activity_schedule(
                    activity_type_id=activity_type.id,
                    summary=self.env._("Visit %(account)s", account=plan.partner_id.name),
                    **values,
                )

    def _log_visit(self, activity, feedback):
        """The planned visit was done: keep it and plan the next one."""
        today = fields.Date.context_today(self)
        for plan in self:
            self.env["sales.customer.visit"].sudo().create(
                {
                    "plan_id": plan.id,
                    "user_id": self.env.uid,
                    "date": today,
                    "date_planned": activity.date_deadline,
                    "note": feedback or activity.summary,
                }
            )
            plan.sudo().last_visit_date = today

    @api.model
    def _cron_schedule_visits(self):
        self.search([])._schedule_next_visit()
