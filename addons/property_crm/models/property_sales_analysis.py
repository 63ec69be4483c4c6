from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models, tools
from odoo.exceptions import UserError
from odoo.tools import SQL

from .crm_lead import CONTACT_KIND
from .property_project import SOLD_STATES

# R1: the monthly report runs from the 26th of the month before to the 25th.
MONTH_CUTOFF_DAY = 25

REPORT_KIND = [
    ("daily", "Daily Sales Report"),
    ("weekly", "Weekly Report"),
    ("monthly", "Monthly Report"),
    ("half_year", "Half-Year Analysis"),
]


class PropertySalesAnalysis(models.Model):
    """R1: the sales office's figures, one row per event, for the dashboards (pivot and
    graph) and the XLSX reports alike: register lines (calls, visits, new customers,
    collisions), unit locks, subscriptions (count, amount, from a visit) and deposit
    receipts net of refunds. Nothing is typed: every row comes from a document."""

    _name = "property.sales.analysis"
    _description = "Sales Office Analysis"
    _auto = False
    _order = "date desc"

    date = fields.Date(readonly=True)
    project_id = fields.Many2one("property.project", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    user_id = fields.Many2one("res.users", string="Consultant", readonly=True)
    source_id = fields.Many2one("utm.source", string="Source", readonly=True)
    layout = fields.Char(readonly=True)
    contact_kind = fields.Selection(CONTACT_KIND, string="Call or Visit", readonly=True)
    call_count = fields.Integer(string="Calls", readonly=True)
    visit_count = fields.Integer(string="Visits", readonly=True)
    lead_count = fields.Integer(string="New Customers", readonly=True)
    visit_lead_count = fields.Integer(string="New Customers by Visit", readonly=True)
    collision_count = fields.Integer(string="Collisions", readonly=True)
    lock_count = fields.Integer(string="Locks", readonly=True)
    subscription_count = fields.Integer(string="Subscriptions", readonly=True)
    subscription_amount = fields.Monetary(string="Subscribed Amount", readonly=True)
    visit_subscription_count = fields.Integer(string="Subscriptions from Visits", readonly=True)
    payment_amount = fields.Monetary(string="Deposits Received", readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE VIEW %(table)s AS (
                    SELECT row_number() OVER () AS id, rows.*, company.currency_id
                      FROM (
                        SELECT c.day AS date, c.project_id, c.company_id, c.user_id,
                               c.source_id, l.wanted_layout AS layout, c.contact_kind,
                               CASE WHEN c.contact_kind = 'call'
                                     AND (c.registration OR c.collision) THEN 1 ELSE 0 END
                                   AS call_count,
                               CASE WHEN c.contact_kind = 'visit' THEN 1 ELSE 0 END
                                   AS visit_count,
                               CASE WHEN c.registration THEN 1 ELSE 0 END AS lead_count,
                               CASE WHEN c.registration AND c.contact_kind = 'visit'
                                    THEN 1 ELSE 0 END AS visit_lead_count,
                               CASE WHEN c.collision THEN 1 ELSE 0 END AS collision_count,
                               0 AS lock_count, 0 AS subscription_count,
                               0.0 AS subscription_amount, 0 AS visit_subscription_count,
                               0.0 AS payment_amount
                          FROM property_lead_contact c
                          JOIN crm_lead l ON l.id = c.lead_id
                     UNION ALL
                        SELECT (k.date_lock AT TIME ZONE 'UTC')::date, k.project_id,
                               k.company_id, k.consultant_id, NULL, u.layout, NULL,
                               0, 0, 0, 0, 0, 1, 0, 0.0, 0, 0.0
                          FROM property_unit_lock k
                          JOIN property_unit u ON u.id = k.unit_id
                     UNION ALL
                        SELECT s.date_subscription, s.project_id, s.company_id,
                               s.consultant_id, l.source_id, u.layout, l.contact_kind,
                               0, 0, 0, 0, 0, 0, 1, s.price,
                               CASE WHEN l.contact_kind = 'visit' THEN 1 ELSE 0 END, 0.0
                          FROM property_subscription s
                          JOIN property_unit u ON u.id = s.unit_id
                     LEFT JOIN crm_lead l ON l.id = s.lead_id
                         WHERE s.state IN %(sold)s AND s.date_subscription IS NOT NULL
                     UNION ALL
                        SELECT p.date, d.project_id, d.company_id, d.consultant_id, NULL,
                               u.layout, NULL, 0, 0, 0, 0, 0, 0, 0, 0.0, 0,
                               CASE WHEN p.id = d.refund_payment_id THEN -p.amount
                                    ELSE p.amount END
                          FROM property_deposit d
                          JOIN account_payment p
                            ON p.id IN (d.payment_id, d.refund_payment_id)
                           AND p.state NOT IN ('draft', 'canceled', 'rejected')
                     LEFT JOIN property_unit u ON u.id = d.unit_id
                      ) rows
                      JOIN res_company company ON company.id = rows.company_id
                )
                """,
                table=SQL.identifier(self._table),
                sold=tuple(SOLD_STATES),
            )
        )

    # ------------------------------------------------------------------
    # BUSINESS METHODS: the figures of the R1 reports
    # ------------------------------------------------------------------
    MEASURES = (
        "call_count",
        "visit_count",
        "lead_count",
        "visit_lead_count",
        "collision_count",
        "lock_count",
        "subscription_count",
        "subscription_amount",
        "visit_subscription_count",
        "payment_amount",
    )

    @api.model
    def _report_period(self, kind, day):
        """R1: the period of a report for its reference day: ``daily`` the day; ``weekly``
        the last full week (Monday to Sunday) before the day, for the Monday meeting;
        ``monthly`` the 26th of the month before to the 25th of the day's month (due before
        the 25th); ``half_year`` the six calendar months ending with the day's month."""
        if kind == "daily":
            return day, day
        if kind == "weekly":
            monday = day - timedelta(days=day.weekday() + 7)
            return monday, monday + timedelta(days=6)
        if kind == "monthly":
            return day + relativedelta(months=-1, day=MONTH_CUTOFF_DAY + 1), day + relativedelta(
                day=MONTH_CUTOFF_DAY
            )
        if kind == "half_year":
            return day + relativedelta(months=-5, day=1), day + relativedelta(day=31)
        raise UserError(self.env._("Unknown report period %(kind)s.", kind=kind))

    @api.model
    def _figures(self, projects, date_from, date_to, groupby=()):
        """R1: the measures of the projects between two dates (both included), grouped by
        project and the given fields, in one ``_read_group``: ``{(project, *keys): {measure:
        value}}``."""
        groups = self.sudo()._read_group(
            [
                ("project_id", "in", projects.ids),
                ("date", ">=", date_from),
                ("date", "<=", date_to),
            ],
            ["project_id", *groupby],
            [f"{measure}:sum" for measure in self.MEASURES],
        )
        return {
            tuple(row[: 1 + len(groupby)]): dict(
                zip(self.MEASURES, row[1 + len(groupby) :], strict=True)
            )
            for row in groups
        }

    @api.model
    def _conversion(self, figures):
        """R1: visit to subscription, in percent: subscriptions of customers who first
        visited over the new customers registered by a visit."""
        visits = figures.get("visit_lead_count", 0)
        return (
            round(100.0 * figures.get("visit_subscription_count", 0) / visits, 1) if visits else 0.0
        )
