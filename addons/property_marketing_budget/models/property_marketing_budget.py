from datetime import date

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare
from odoo.tools.translate import LazyTranslate

from odoo.addons.marketing_base.models.common import format_money, selection_label
from odoo.addons.marketing_base.models.marketing_workflow_mixin import workflow_action

_lt = LazyTranslate(__name__)

BUDGET_STATE = [
    ("draft", "Draft"),
    ("to_approve", "Under Review"),
    ("approved", "Approved"),
    ("filed", "Filed"),
    ("rejected", "Rejected"),
    ("cancel", "Cancelled"),
]

PLAN_TYPE = [("annual", "Annual Plan"), ("monthly", "Monthly Plan")]

MONTHS = [(str(month), str(month)) for month in range(1, 13)]

OPERATIONS_GROUP = "property_sales.group_marketing_manager"
FINANCE_GROUP = "account.group_account_invoice"


class PropertyMarketingBudget(models.Model):
    """X1: a project's marketing expense plan for a year (annual) or a month (monthly),
    split by department, category and phase; its ceiling is a ratio of the project's sales
    (subscriptions included), recomputed as sales move. Annual plans: operations (the
    Marketing Manager) and the Marketing VP review, the General Manager approves; monthly
    plans: operations and the Marketing VP approve (approval chains shipped as tier
    definitions); finance files both."""

    _name = "property.marketing.budget"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "marketing.workflow.mixin",
        "marketing.approval.mixin",
    ]
    _description = "Marketing Expense Budget"
    _order = "year desc, project_id, plan_type, month"
    _check_company_auto = True

    _state_from = ["to_approve"]
    _state_to = ["approved"]
    _cancel_state = "cancel"
    _workflow_fields = {
        "state": _lt("the Submit, Reset to Draft, File and Cancel buttons"),
        "filed_by": _lt("the File button"),
        "date_filed": _lt("the File button"),
    }

    _sql_constraints = (
        (
            "year_range",
            "CHECK(year BETWEEN 2000 AND 2100)",
            "The budget year must be between 2000 and 2100.",
        ),
        (
            "month_for_monthly",
            "CHECK((plan_type = 'monthly') = (month IS NOT NULL))",
            "A monthly plan has a month; an annual plan has none.",
        ),
    )

    # ------------------------------------------------------------------
    # FIELDS
    # ------------------------------------------------------------------
    name = fields.Char(compute="_compute_name", store=True)
    project_id = fields.Many2one(
        "property.project", required=True, check_company=True, tracking=True, index=True
    )
    company_id = fields.Many2one(related="project_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    plan_type = fields.Selection(PLAN_TYPE, required=True, default="annual", tracking=True)
    year = fields.Integer(
        required=True, default=lambda self: fields.Date.context_today(self).year, tracking=True
    )
    month = fields.Selection(MONTHS, tracking=True)
    state = fields.Selection(
        BUDGET_STATE, default="draft", required=True, tracking=True, copy=False
    )
    line_ids = fields.One2many(
        "property.marketing.budget.line", "budget_id", string="Lines", copy=True
    )
    amount_total = fields.Monetary(string="Budget", compute="_compute_amounts", store=True)
    sales_amount = fields.Monetary(
        string="Project Sales",
        compute="_compute_ceiling",
        help="Subscriptions of the project in the plan's year (or month), live.",
    )
    ceiling_ratio = fields.Float(
        string="Ceiling (%)", related="company_id.marketing_budget_ratio", readonly=True
    )
    ceiling = fields.Monetary(compute="_compute_ceiling", help="Sales × the ceiling ratio.")
    over_ceiling = fields.Boolean(compute="_compute_ceiling")
    spent_amount = fields.Monetary(string="Spent", compute="_compute_spent")
    remaining_amount = fields.Monetary(string="Remaining", compute="_compute_spent")
    filed_by = fields.Many2one("res.users", readonly=True, copy=False, tracking=True)
    date_filed = fields.Date(readonly=True, copy=False)

    # ------------------------------------------------------------------
    # COMPUTE METHODS
    # ------------------------------------------------------------------
    @api.depends("project_id", "plan_type", "year", "month")
    def _compute_name(self):
        for budget in self:
            period = (
                f"{budget.year}-{int(budget.month):02d}"
                if budget.plan_type == "monthly" and budget.month
                else str(budget.year)
            )
            budget.name = f"{budget.project_id.name or ''} {period} " + selection_label(
                budget, "plan_type"
            )

    @api.depends("line_ids.amount")
    def _compute_amounts(self):
        for budget in self:
            budget.amount_total = sum(budget.line_ids.mapped("amount"))

    def _period(self):
        self.ensure_one()
        if self.plan_type == "monthly" and self.month:
            month = int(self.month)
            start = date(self.year, month, 1)
            end = date(self.year + month // 12, month % 12 + 1, 1)
            return start, fields.Date.subtract(end, days=1)
        return date(self.year, 1, 1), date(self.year, 12, 31)

    @api.depends("project_id", "year", "month", "plan_type", "amount_total")
    def _compute_ceiling(self):
        for budget in self:
            if not budget.project_id or not budget.year:
                budget.sales_amount = budget.ceiling = 0.0
                budget.over_ceiling = False
                continue
            sales = budget.project_id._sales_amounts(*budget._period()).get(
                budget.project_id.id, 0.0
            )
            currency = budget.currency_id
            budget.sales_amount = sales
            budget.ceiling = currency.round(sales * budget.ceiling_ratio / 100.0)
            budget.over_ceiling = (
                float_compare(
                    budget.amount_total, budget.ceiling, precision_rounding=currency.rounding
                )
                > 0
            )

    @api.depends("line_ids")
    def _compute_spent(self):
        for budget in self:
            budget.spent_amount = sum(budget.line_ids.mapped("spent_amount"))
            budget.remaining_amount = budget.amount_total - budget.spent_amount

    # ------------------------------------------------------------------
    # CONSTRAINT METHODS
    # ------------------------------------------------------------------
    @api.constrains("project_id", "plan_type", "year", "month", "state")
    def _check_one_plan_per_period(self):
        for budget in self.filtered(lambda b: b.state != "cancel"):
            twins = self.search_count(
                [
                    ("id", "!=", budget.id),
                    ("project_id", "=", budget.project_id.id),
                    ("plan_type", "=", budget.plan_type),
                    ("year", "=", budget.year),
                    ("month", "=", budget.month),
                    ("state", "!=", "cancel"),
                ]
            )
            if twins:
                raise UserError(
                    self.env._(
                        "%(project)s already has a %(plan)s for %(year)s.",
                        project=budget.project_id.display_name,
                        plan=selection_label(budget, "plan_type"),
                        year=budget.year,
                    )
                )

    # ------------------------------------------------------------------
    # CRUD METHODS
    # ------------------------------------------------------------------
    @api.ondelete(at_uninstall=False)
    def _unlink_except_draft(self):
        for budget in self:
            if budget.state not in ("draft", "cancel"):
                raise UserError(
                    self.env._(
                        "%(budget)s is %(state)s: only draft or cancelled budgets are deleted.",
                        budget=budget.display_name,
                        state=selection_label(budget, "state"),
                    )
                )

    # ------------------------------------------------------------------
    # ACTION METHODS
    # ------------------------------------------------------------------
    def action_submit(self):
        """X1: operations submit the plan within the ceiling; the approval chain starts."""
        self._check_role(OPERATIONS_GROUP)
        for budget in self:
            budget._check_state_in(("draft", "rejected"))
            if not budget.line_ids:
                raise UserError(
                    self.env._("%(budget)s has no lines to approve.", budget=budget.display_name)
                )
            if budget.over_ceiling:
                raise UserError(
                    self.env._(
                        "%(budget)s asks %(amount)s, above its ceiling of %(ceiling)s "
                        "(%(ratio)s%% of the project's sales of %(sales)s).",
                        budget=budget.display_name,
                        amount=budget._money(budget.amount_total),
                        ceiling=budget._money(budget.ceiling),
                        ratio=budget.ceiling_ratio,
                        sales=budget._money(budget.sales_amount),
                    )
                )
        self._clear_reviews()
        self._workflow_write({"state": "to_approve"})
        self._request_reviews()
        return True

    def action_reset_draft(self):
        self._check_role(OPERATIONS_GROUP)
        for budget in self:
            budget._check_state_in(("rejected", "cancel"))
        self._clear_reviews()
        self._workflow_write({"state": "draft"})
        return True

    def action_file(self):
        """X1: finance files the approved plan."""
        self._check_role(FINANCE_GROUP)
        for budget in self:
            budget._check_state_in(("approved",))
        # finance files without editing rights on the plan itself
        self.sudo()._workflow_write(
            {
                "state": "filed",
                "filed_by": self.env.uid,
                "date_filed": fields.Date.context_today(self),
            }
        )
        return True

    def action_cancel(self):
        self._check_role(OPERATIONS_GROUP)
        for budget in self:
            budget._check_state_in(("draft", "rejected"))
        self._workflow_write({"state": "cancel"})
        return True

    def _on_approval_validated(self):
        # the last reviewer decides; reviewers have no editing rights on the plan
        self.sudo()._workflow_write({"state": "approved"})

    def _on_approval_rejected(self):
        self.sudo()._workflow_write({"state": "rejected"})

    # ------------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------------
    def _request_reviews(self):
        """Start the approval chain; the reviews read afresh (a form may have cached the
        record without them)."""
        self.invalidate_recordset(["need_validation", "review_ids"])
        self.request_validation()
        self.invalidate_recordset(["review_ids", "validation_status", "activity_ids"])

    def _clear_reviews(self):
        """A new round: the decided reviews go to the review history."""
        self.invalidate_recordset(["review_ids"])
        with workflow_action():
            self.review_ids.sudo().unlink()

    def _check_lines_editable(self):
        """X1: the figures reviewers approved do not move afterwards."""
        for budget in self:
            if budget.state not in ("draft", "rejected"):
                raise UserError(
                    self.env._(
                        "The lines of %(budget)s are frozen once it is submitted.",
                        budget=budget.display_name,
                    )
                )

    def _money(self, amount):
        return format_money(self.env, amount, self.currency_id)

    @api.model
    def _demo_budget_story(self, project_ids):
        """Demo data: this year's annual plan of the first project approved in turn by
        operations, the VP and the GM and filed by finance; bills spending half of it; one
        more bill over its line waiting for the GM; a monthly plan under review."""
        project = self.env["property.project"].browse(project_ids[:1])
        ref = self.env.ref
        manager = ref("property_sales.demo_user_manager")
        cashier = ref("property_sales.demo_user_cashier")
        vp, gm = ref("marketing_base.user_marketing_vp"), ref("marketing_base.user_general_manager")
        year = fields.Date.context_today(self).year
        Budget = self.with_user(manager)
        lines = [
            ("department_planning", "category_advertising", "opening", 100000.0),
            ("department_sales", "category_events", "continuing", 60000.0),
            ("department_service", "category_materials", "continuing", 20000.0),
        ]
        budget = Budget.create(
            {
                "project_id": project.id,
                "plan_type": "annual",
                "year": year,
                "line_ids": [
                    fields.Command.create(
                        {
                            "department_id": ref(f"property_marketing_budget.{dept}").id,
                            "category_id": ref(f"property_marketing_budget.{cat}").id,
                            "phase": phase,
                            "amount": amount,
                        }
                    )
                    for dept, cat, phase, amount in lines
                ],
            }
        )
        budget.action_submit()
        for reviewer in (manager, vp, gm):
            budget.with_user(reviewer).validate_tier()
        budget.with_user(cashier).action_file()
        advertising, events, _materials = budget.line_ids.sorted("amount", reverse=True)
        vendor = self.env["res.partner"].create(
            {"name": "杭州新视界广告有限公司", "is_company": True}
        )
        Move = self.env["account.move"].with_user(cashier)

        def bill(amounts, ref_):
            return Move.create(
                {
                    "move_type": "in_invoice",
                    "partner_id": vendor.id,
                    "ref": ref_,
                    "invoice_date": fields.Date.context_today(self),
                    "invoice_line_ids": [
                        fields.Command.create(
                            {
                                "name": name,
                                "quantity": 1,
                                "price_unit": amount,
                                "tax_ids": [fields.Command.clear()],
                                "marketing_budget_line_id": line.id,
                            }
                        )
                        for line, name, amount in amounts
                    ],
                }
            )

        bill(
            [(advertising, "开盘户外广告", 50000.0), (events, "暖场活动", 40000.0)], "XSJ-2026-001"
        ).action_post()
        waiting = bill([(events, "开盘庆典", 70000.0)], "XSJ-2026-002")
        waiting.action_request_marketing_approval()
        monthly = Budget.create(
            {
                "project_id": project.id,
                "plan_type": "monthly",
                "year": year,
                "month": str(fields.Date.context_today(self).month),
                "line_ids": [
                    fields.Command.create(
                        {
                            "department_id": ref("property_marketing_budget.department_sales").id,
                            "category_id": ref("property_marketing_budget.category_events").id,
                            "phase": "continuing",
                            "amount": 15000.0,
                        }
                    )
                ],
            }
        )
        monthly.action_submit()
        monthly.with_user(manager).validate_tier()
        return budget
