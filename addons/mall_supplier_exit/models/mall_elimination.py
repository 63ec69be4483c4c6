from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.translate import LazyTranslate

from odoo.addons.marketing_base.models.common import format_money, selection_label

from .mall_exit_notice import EXIT_REASONS

_lt = LazyTranslate(__name__)

HEAD = "mall_consignment.group_marketing_head"
BUYER = "mall_consignment.group_buyer"
# Statements whose figures count for the elimination list: sent to the supplier and not
# disputed (the month is settled).
SETTLED_STATES = ("sent", "supplier_confirmed", "confirmed", "invoiced", "paid")
PROPOSE_MONTHS = 3
WARN_MONTHS = 2
OPEN_STATES = ("warning", "proposed", "approved")


class MallElimination(models.Model):
    """An entry of the elimination list (末位淘汰): detected from settled months (E1
    below the monthly target, E2 ranked last in the brand category) or recorded by hand
    for another reason (E3). Two months in a row is a warning to the Buyer and the Floor
    Manager; three is a proposal the Marketing Head approves or dismisses; an approved
    entry ends in compensation paid or the exit of the counter (E5)."""

    _name = "mall.elimination"
    _description = "Elimination Entry"
    _inherit = ["mail.thread", "mail.activity.mixin", "marketing.workflow.mixin"]
    _order = "id desc"
    _check_company_auto = True

    _workflow_fields = {
        "state": _lt("the Approve, Dismiss, Compensation Paid and Exit buttons"),
        "outcome": _lt("the Compensation Paid and Exit buttons"),
        "exit_notice_id": _lt("the Exit button"),
    }

    contract_id = fields.Many2one(
        "mall.contract",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        domain="[('state', 'in', ('signed', 'active')), ('company_id', '=', company_id)]",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    partner_id = fields.Many2one(related="contract_id.partner_id", store=True, string="Supplier")
    brand_id = fields.Many2one(related="contract_id.brand_id", store=True)
    category_id = fields.Many2one(related="contract_id.category_id", store=True)
    floor_id = fields.Many2one(
        "mall.floor", compute="_compute_floor_id", store=True, string="Floor", index=True
    )
    reason = fields.Selection(EXIT_REASONS, required=True, default="quality_claims", tracking=True)
    detected = fields.Boolean(readonly=True, copy=False, help="Detected from settled months.")
    detail = fields.Text(
        string="Figures", help="The months and figures that triggered the entry, or the facts."
    )
    period_ids = fields.Many2many("mall.settlement.period", string="Settled Months", readonly=True)
    state = fields.Selection(
        [
            ("warning", "Warning"),
            ("proposed", "Proposed"),
            ("approved", "Approved"),
            ("done", "Done"),
            ("dismissed", "Dismissed"),
        ],
        default="proposed",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    outcome = fields.Selection(
        [("compensation", "Compensation Paid"), ("exit", "Exit")],
        readonly=True,
        copy=False,
        tracking=True,
    )
    compensation_amount = fields.Monetary(tracking=True)
    exit_notice_id = fields.Many2one(
        "mall.exit.notice", readonly=True, copy=False, check_company=True
    )

    @api.depends("contract_id.counter_ids.floor_id")
    def _compute_floor_id(self):
        for entry in self:
            entry.floor_id = entry.contract_id.counter_ids.floor_id[:1]

    @api.depends("contract_id", "reason")
    def _compute_display_name(self):
        for entry in self:
            entry.display_name = (
                f"{entry.contract_id.display_name or ''} {selection_label(entry, 'reason')}"
            ).strip()

    @api.model_create_multi
    def create(self, vals_list):
        self._check_role(BUYER, HEAD)
        return super().create(vals_list)

    # ------------------------------------------------------------------ actions
    def action_approve(self):
        self._check_role(HEAD)
        self._check_state_in(("proposed",))
        self._workflow_write({"state": "approved"})
        return True

    def action_dismiss(self):
        self._check_role(HEAD)
        self._check_state_in(("warning", "proposed", "approved"))
        self._workflow_write({"state": "dismissed"})
        return True

    def action_compensation_paid(self):
        """E5: the supplier paid the compensation agreed; the counter stays."""
        self._check_role(BUYER, HEAD)
        self._check_state_in(("approved",))
        for entry in self:
            if entry.compensation_amount <= 0:
                raise UserError(
                    self.env._(
                        "Elimination entry %(entry)s: enter the compensation amount first.",
                        entry=entry.display_name,
                    )
                )
        self._workflow_write({"state": "done", "outcome": "compensation"})
        return True

    def action_exit(self):
        """E5: the counter leaves: a draft exit notice the floor files (E4)."""
        self._check_role(BUYER, HEAD)
        self._check_state_in(("approved",))
        company = self.company_id[:1] or self.env.company
        date_exit = fields.Date.context_today(self) + timedelta(
            days=max(company.mall_exit_notice_days, 0) + 7
        )
        for entry in self:
            notice = (
                self.env["mall.exit.notice"]
                .sudo()
                .create(
                    {
                        "contract_id": entry.contract_id.id,
                        "company_id": entry.company_id.id,
                        "reason": entry.reason,
                        "reason_note": entry.detail,
                        "date_exit": date_exit,
                    }
                )
            )
            entry._workflow_write({"exit_notice_id": notice.id})
            for manager in entry.floor_id.manager_ids:
                notice.activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=manager.id,
                    summary=self.env._(
                        "File the exit notice of %(brand)s", brand=entry.brand_id.name
                    ),
                )
        return self.exit_notice_id[:1].get_formview_action() if len(self) == 1 else True

    def _on_exit_done(self):
        self.filtered(lambda e: e.state == "approved")._workflow_write(
            {"state": "done", "outcome": "exit"}
        )

    # ------------------------------------------------------------------ detection
    @api.model
    def _settled_periods(self, company, months=PROPOSE_MONTHS):
        """The latest settled months of the company, newest first, consecutive only."""
        periods = self.env["mall.settlement.period"].search(
            [
                ("company_id", "=", company.id),
                ("statement_ids.state", "in", SETTLED_STATES),
            ],
            order="date_to desc",
            limit=months,
        )
        chain = periods[:1]
        for previous, period in zip(periods, periods[1:], strict=False):
            if period.date_to + timedelta(days=1) != previous.date_from:
                break
            chain |= period
        return chain

    @api.model
    def _detect(self, company=None):
        """E1/E2 from the statements of settled months (never typed figures): three months
        in a row propose the contract for the elimination list, two warn the Buyer and the
        Floor Manager. Returns the entries created or raised to a proposal."""
        company = company or self.env.company
        periods = self._settled_periods(company)
        if len(periods) < WARN_MONTHS:
            return self.browse()
        statements = self.env["mall.settlement.statement"].search(
            [
                ("period_id", "in", periods.ids),
                ("state", "in", SETTLED_STATES),
                ("contract_id.state", "=", "active"),
            ]
        )
        by_key = {(s.period_id.id, s.contract_id.id): s for s in statements}
        last_in_category = set()
        for period in periods:
            in_period = statements.filtered(lambda s, p=period: s.period_id == p)
            for category in in_period.contract_id.category_id:
                rows = in_period.filtered(lambda s, c=category: s.contract_id.category_id == c)
                if len(rows) >= 2:
                    lowest = min(rows.mapped("net_sales"))
                    for row in rows.filtered(lambda s, low=lowest: s.net_sales == low):
                        last_in_category.add((period.id, row.contract_id.id))
        tests = {
            "below_target": lambda s: s.monthly_target > 0 and s.net_sales < s.monthly_target,
            "ranked_last": lambda s: (s.period_id.id, s.contract_id.id) in last_in_category,
        }
        touched = self.browse()
        for contract in statements.contract_id:
            for reason, test in tests.items():
                streak = []
                for period in periods:
                    statement = by_key.get((period.id, contract.id))
                    if not statement or not test(statement):
                        break
                    streak.append(statement)
                if len(streak) >= WARN_MONTHS:
                    touched |= self.sudo()._record_detection(contract, reason, streak)
        return touched

    def _detail_lines(self, reason, streak):
        lines = []
        for statement in reversed(streak):
            if reason == "below_target":
                lines.append(
                    self.env._(
                        "%(period)s: net sales %(sales)s below the target %(target)s",
                        period=statement.period_id.name,
                        sales=format_money(self.env, statement.net_sales),
                        target=format_money(self.env, statement.monthly_target),
                    )
                )
            else:
                lines.append(
                    self.env._(
                        "%(period)s: net sales %(sales)s, last in %(category)s",
                        period=statement.period_id.name,
                        sales=format_money(self.env, statement.net_sales),
                        category=statement.contract_id.category_id.name,
                    )
                )
        return "\n".join(lines)

    @api.model
    def _record_detection(self, contract, reason, streak):
        entry = self.search(
            [
                ("contract_id", "=", contract.id),
                ("reason", "=", reason),
                ("state", "in", OPEN_STATES),
            ],
            limit=1,
        )
        state = "proposed" if len(streak) >= PROPOSE_MONTHS else "warning"
        vals = {
            "detail": self._detail_lines(reason, streak),
            "period_ids": [fields.Command.set([s.period_id.id for s in streak])],
        }
        if entry and (entry.state != "warning" or state == "warning"):
            return self.browse()
        if entry:
            entry.write(vals)
            entry._workflow_write({"state": state})
        else:
            entry = self.create(
                {
                    **vals,
                    "contract_id": contract.id,
                    "company_id": contract.company_id.id,
                    "reason": reason,
                }
            )
            entry._workflow_write({"state": state, "detected": True})
        entry._notify_detection()
        return entry

    def _notify_detection(self):
        for entry in self:
            users = entry.floor_id.manager_ids | entry.contract_id.user_id.filtered(
                lambda u: u.has_group(BUYER)
            )
            if entry.state == "warning":
                summary = self.env._(
                    "Warning: %(brand)s may enter the elimination list next month",
                    brand=entry.brand_id.name,
                )
            else:
                summary = self.env._(
                    "%(brand)s is proposed for the elimination list", brand=entry.brand_id.name
                )
                users |= self.env.ref(HEAD).users.filtered(
                    lambda u, c=entry.company_id: c in u.company_ids and not u.share
                )
            for user in users:
                entry.activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=user.id,
                    summary=summary,
                    note=entry.detail,
                )

    @api.model
    def _cron_detect(self):
        """Daily: E1/E2 detection for every company."""
        for company in self.env["res.company"].search([]):
            self.sudo().with_company(company)._detect(company)

    @api.model
    def _demo_elimination(self):
        """Demo: an elimination proposal recorded by the Buyer (E3)."""
        contract = self.env.ref("mall_consignment.contract_05", raise_if_not_found=False)
        buyer = self.env.ref("mall_consignment.user_buyer", raise_if_not_found=False)
        if contract and buyer and contract.state == "active":
            self.with_user(buyer).create(
                {
                    "contract_id": contract.id,
                    "company_id": contract.company_id.id,
                    "reason": "refused_costs",
                    "detail": "拒绝承担国庆促销约定的 30% 费用分摊",
                }
            )
