from datetime import date

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .common import split_exact


class SalesTargetTeam(models.Model):
    """A sales team's annual target, entered by the sales manager and split down."""

    _name = "sales.target.team"
    _description = "Team Sales Target"
    _order = "plan_id, team_id"

    plan_id = fields.Many2one("sales.target.plan", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    year = fields.Integer(related="plan_id.year", store=True)
    currency_id = fields.Many2one(related="plan_id.currency_id")
    team_id = fields.Many2one("crm.team", string="Sales Team", required=True)
    amount = fields.Monetary(string="Annual Target", required=True)
    new_customers = fields.Integer(string="New Customers")
    split_method = fields.Selection(
        [
            ("last_year", "By last year's monthly sales"),
            ("even", "Evenly"),
        ],
        default="last_year",
        required=True,
        help="How the annual target is spread over the months: in proportion to last "
        "year's confirmed sales of the team per month (evenly when it sold nothing), or "
        "evenly. Each month is then split evenly among the team's salespeople.",
    )

    _sql_constraints = [
        ("team_uniq", "unique(plan_id, team_id)", "A team has one target per plan."),
        ("amount_positive", "CHECK(amount > 0)", "The annual target must be positive."),
        ("customers_positive", "CHECK(new_customers >= 0)", "New customers cannot be negative."),
    ]

    @api.constrains("team_id", "plan_id")
    def _check_one_plan_per_team_and_year(self):
        for team_target in self:
            other = self.search(
                [
                    ("id", "!=", team_target.id),
                    ("team_id", "=", team_target.team_id.id),
                    ("year", "=", team_target.year),
                    ("company_id", "=", team_target.company_id.id),
                    ("plan_id.state", "!=", "cancel"),
                ],
                limit=1,
            )
            if other:
                raise ValidationError(
                    self.env._(
                        "Team %(team)s already has a target for %(year)s in plan %(plan)s.",
                        team=team_target.team_id.name,
                        year=team_target.year,
                        plan=other.plan_id.name,
                    )
                )

    def _month_weights(self):
        """Weight of each month (1..12) for the split."""
        self.ensure_one()
        if self.split_method == "even":
            return [1.0] * 12
        year = self.plan_id.year - 1
        groups = self.env["sale.order"]._read_group(
            [
                ("state", "=", "sale"),
                ("team_id", "=", self.team_id.id),
                ("company_id", "=", self.company_id.id),
                ("date_order", ">=", fields.Datetime.to_datetime(date(year, 1, 1))),
                ("date_order", "<", fields.Datetime.to_datetime(date(year + 1, 1, 1))),
            ],
            ["date_order:month"],
            ["amount_untaxed:sum"],
        )
        weights = [0.0] * 12
        for month, amount in groups:
            weights[month.month - 1] += amount
        return weights

    def action_split(self):
        Target = self.env["sales.target"]
        for team_target in self:
            users = team_target.team_id.member_ids
            if not users:
                raise UserError(
                    self.env._(
                        "Team %(team)s has no salespeople to split its target to.",
                        team=team_target.team_id.name,
                    )
                )
            month_weights = team_target._month_weights()
            cells = [(month, user) for month in range(1, 13) for user in users]
            weights = [month_weights[month - 1] / len(users) for month, _user in cells]
            if sum(weights) <= 0:
                weights = [1.0] * len(cells)
            amounts = split_exact(team_target.amount, weights)
            customers = split_exact(team_target.new_customers, weights, digits=0)
            plan = team_target.plan_id
            plan.target_ids.filtered(lambda t, tt=team_target: t.team_id == tt.team_id).unlink()
            Target.create(
                [
                    {
                        "plan_id": plan.id,
                        "team_id": team_target.team_id.id,
                        "user_id": user.id,
                        "date": date(plan.year, month, 1),
                        "amount_target": amount,
                        "new_customer_target": int(count),
                    }
                    for (month, user), amount, count in zip(cells, amounts, customers, strict=True)
                ]
            )
        return True
