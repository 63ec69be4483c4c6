from datetime import date

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare
from odoo.tools.translate import LazyTranslate

from odoo.addons.marketing_base.models.common import format_money

_lt = LazyTranslate(__name__)

MANAGER = "sales_team.group_sale_manager"


class SalesTargetPlan(models.Model):
    """The annual sales plan: targets per team entered by the sales manager, split down to
    salespeople and months, approved by the Marketing VP (plan) and the General Manager
    (budget) through the suite's approval chains."""

    _name = "sales.target.plan"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "marketing.workflow.mixin",
        "marketing.approval.mixin",
    ]
    _description = "Sales Plan"
    _order = "year desc, id desc"
    _state_from = ["draft"]
    _state_to = ["approved"]
    _cancel_state = "cancel"
    _workflow_fields = {
        "state": _lt("the Request Validation button (approved when every review is done)"),
    }

    name = fields.Char(required=True, tracking=True)
    year = fields.Integer(required=True, default=lambda self: date.today().year, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(
        [("draft", "Draft"), ("approved", "Approved"), ("cancel", "Cancelled")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    budget_amount = fields.Monetary(
        string="Sales Budget",
        tracking=True,
        help="Sales expenses budgeted for the year; approved by the General Manager.",
    )
    team_target_ids = fields.One2many("sales.target.team", "plan_id", string="Team Targets")
    target_ids = fields.One2many("sales.target", "plan_id", string="Monthly Targets")
    amount_total = fields.Monetary(string="Plan Total", compute="_compute_amount_total", store=True)

    @api.depends("team_target_ids.amount")
    def _compute_amount_total(self):
        for plan in self:
            plan.amount_total = sum(plan.team_target_ids.mapped("amount"))

    @api.constrains("year")
    def _check_year(self):
        for plan in self:
            if not 2000 <= plan.year <= 2100:
                raise ValidationError(
                    self.env._("Year of plan %(plan)s must be a calendar year.", plan=plan.name)
                )

    def action_split(self):
        """Split every team target down to salespeople and months."""
        self._check_role(MANAGER)
        for plan in self:
            if plan.state != "draft":
                raise UserError(
                    self.env._("Plan %(plan)s is not a draft any more.", plan=plan.name)
                )
            plan.team_target_ids.action_split()
        return True

    def _check_split_totals(self):
        for plan in self:
            if not plan.team_target_ids:
                raise UserError(self.env._("Plan %(plan)s has no team targets.", plan=plan.name))
            for team_target in plan.team_target_ids:
                lines = plan.target_ids.filtered(lambda t, tt=team_target: t.team_id == tt.team_id)
                if not lines:
                    raise UserError(
                        self.env._(
                            "The target of team %(team)s is not split yet: use Split Targets.",
                            team=team_target.team_id.name,
                        )
                    )
                amount = sum(lines.mapped("amount_target"))
                if float_compare(amount, team_target.amount, precision_digits=2):
                    raise UserError(
                        self.env._(
                            "The monthly targets of team %(team)s sum to %(sum)s instead of "
                            "the team target %(target)s.",
                            team=team_target.team_id.name,
                            sum=format_money(self.env, amount, plan.currency_id),
                            target=format_money(self.env, team_target.amount, plan.currency_id),
                        )
                    )
                customers = sum(lines.mapped("new_customer_target"))
                if customers != team_target.new_customers:
                    raise UserError(
                        self.env._(
                            "The new-customer targets of team %(team)s sum to %(sum)s instead "
                            "of %(target)s.",
                            team=team_target.team_id.name,
                            sum=customers,
                            target=team_target.new_customers,
                        )
                    )

    def request_validation(self):
        self._check_role(MANAGER)
        self._check_split_totals()
        return super().request_validation()

    def _on_approval_validated(self):
        self.sudo()._workflow_write({"state": "approved"})

    def action_cancel(self):
        self._check_role(MANAGER)
        self._workflow_write({"state": "cancel"})
        return True

    def action_draft(self):
        self._check_role(MANAGER)
        cancelled = self.filtered(lambda p: p.state == "cancel")
        cancelled._workflow_write({"state": "draft"})
        cancelled.restart_validation()
        return True
