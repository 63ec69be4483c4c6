from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare

from odoo.addons.marketing_base.models.common import format_money
from odoo.addons.marketing_base.models.marketing_workflow_mixin import workflow_action


class AccountMove(models.Model):
    """X1: spend is recorded from the vendor bills themselves; a bill that would take a
    budget line over its budget is posted only after the General Manager's approval."""

    _inherit = "account.move"

    marketing_overspend_ids = fields.One2many(
        "property.marketing.overspend", "move_id", string="Over-Budget Approvals"
    )
    marketing_over_budget = fields.Boolean(
        string="Over Marketing Budget", compute="_compute_marketing_over_budget"
    )

    def _compute_marketing_over_budget(self):
        for move in self:
            move.marketing_over_budget = bool(move._marketing_overruns())

    def _marketing_overruns(self):
        """{budget line: (the bill's amount on it, what it adds above its budget)} for the
        lines this draft bill would take over budget."""
        self.ensure_one()
        lines = self.line_ids.filtered("marketing_budget_line_id")
        if self.state != "draft" or not lines:
            return {}
        budget_lines = lines.marketing_budget_line_id
        spent = budget_lines._spent_by_line(exclude_moves=self)
        overruns = {}
        for budget_line in budget_lines:
            amount = sum(
                lines.filtered(lambda ml, bl=budget_line: ml.marketing_budget_line_id == bl).mapped(
                    "balance"
                )
            )
            over = spent.get(budget_line.id, 0.0) + amount - budget_line.amount
            rounding = self.company_id.currency_id.rounding
            if float_compare(over, 0.0, precision_rounding=rounding) > 0:
                overruns[budget_line] = (amount, min(over, amount))
        return overruns

    def _check_marketing_budget(self):
        """X1: refuse to post a bill on a budget line of another year, or over a budget
        line without the General Manager's approval of that overrun."""
        for move in self:
            for line in move.line_ids.filtered("marketing_budget_line_id"):
                budget = line.marketing_budget_line_id.budget_id
                if move.date and move.date.year != budget.year:
                    raise UserError(
                        self.env._(
                            "%(move)s is dated %(date)s but line %(line)s spends from the "
                            "%(year)s budget %(budget)s.",
                            move=move.display_name,
                            date=move.date,
                            line=line.name or line.account_id.display_name,
                            year=budget.year,
                            budget=budget.display_name,
                        )
                    )
            rounding = move.company_id.currency_id.rounding
            for budget_line, (_amount, over) in move._marketing_overruns().items():
                approved = move.marketing_overspend_ids.filtered(
                    lambda req, bl=budget_line: req.budget_line_id == bl and req.state == "approved"
                )
                if not approved or any(
                    float_compare(req.over_amount, over, precision_rounding=rounding) < 0
                    for req in approved
                ):
                    raise UserError(
                        self.env._(
                            "%(move)s would take the marketing budget line %(line)s over its "
                            "budget by %(over)s: it needs the General Manager's approval "
                            "(Request Over-Budget Approval) before it is posted.",
                            move=move.display_name,
                            line=budget_line.display_name,
                            over=format_money(self.env, over, move.company_id.currency_id),
                        )
                    )

    def _post(self, soft=True):
        self._check_marketing_budget()
        return super()._post(soft=soft)

    def action_request_marketing_approval(self):
        """X1: send the bill's overruns to the General Manager (approval chain)."""
        Request = self.env["property.marketing.overspend"].sudo()
        for move in self:
            overruns = move._marketing_overruns()
            if not overruns:
                raise UserError(
                    self.env._(
                        "%(move)s stays within its marketing budget lines: post it.",
                        move=move.display_name,
                    )
                )
            pending = move.marketing_overspend_ids.filtered(
                lambda req: req.state in ("to_approve", "rejected")
            )
            with workflow_action():
                pending.write({"state": "cancel"})
                requests = Request.create(
                    [
                        {
                            "move_id": move.id,
                            "budget_line_id": budget_line.id,
                            "bill_amount": amount,
                            "over_amount": over,
                            "requested_by": self.env.uid,
                        }
                        for budget_line, (amount, over) in overruns.items()
                    ]
                )
            requests.invalidate_recordset(["need_validation", "review_ids"])
            requests.request_validation()
            requests.invalidate_recordset(["review_ids", "activity_ids"])
            move.invalidate_recordset(["marketing_overspend_ids"])
        return True
