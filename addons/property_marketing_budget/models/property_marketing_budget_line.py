from odoo import api, fields, models

PHASE = [
    ("launch", "Launch Preparation"),
    ("opening", "Opening"),
    ("continuing", "Continuing Sales"),
    ("clearance", "Clearance"),
]

# Bill lines of these moves count as spend (X1).
SPEND_STATES = ("posted",)


class PropertyMarketingBudgetLine(models.Model):
    """X1: one department × category × phase of a marketing budget. Spend comes from the
    posted vendor bills whose lines name it, never typed."""

    _name = "property.marketing.budget.line"
    _description = "Marketing Budget Line"
    _order = "budget_id, department_id, category_id, phase"
    _check_company_auto = True

    _sql_constraints = (
        ("amount_positive", "CHECK(amount >= 0)", "A budget line cannot be negative."),
        (
            "line_unique",
            "UNIQUE(budget_id, department_id, category_id, phase)",
            "A budget has one line per department, category and phase.",
        ),
    )

    # ------------------------------------------------------------------
    # FIELDS
    # ------------------------------------------------------------------
    budget_id = fields.Many2one(
        "property.marketing.budget",
        string="Marketing Budget",
        required=True,
        ondelete="cascade",
        index=True,
    )
    project_id = fields.Many2one(related="budget_id.project_id", store=True)
    company_id = fields.Many2one(related="budget_id.company_id", store=True)
    currency_id = fields.Many2one(related="budget_id.currency_id")
    budget_state = fields.Selection(related="budget_id.state", string="Budget Status")
    department_id = fields.Many2one("property.marketing.department", required=True)
    category_id = fields.Many2one("property.marketing.category", required=True)
    phase = fields.Selection(PHASE, required=True, default="continuing")
    amount = fields.Monetary(string="Budget", required=True)
    spent_amount = fields.Monetary(string="Spent", compute="_compute_spent")
    remaining_amount = fields.Monetary(string="Remaining", compute="_compute_spent")

    # ------------------------------------------------------------------
    # COMPUTE METHODS
    # ------------------------------------------------------------------
    @api.depends("amount")
    def _compute_display_name(self):
        for line in self:
            line.display_name = " / ".join(
                filter(
                    None,
                    [
                        line.budget_id.name,
                        line.department_id.name,
                        line.category_id.name,
                        dict(line._fields["phase"]._description_selection(self.env)).get(
                            line.phase
                        ),
                    ],
                )
            )

    def _compute_spent(self):
        spent = self._spent_by_line()
        for line in self:
            line.spent_amount = spent.get(line.id, 0.0)
            line.remaining_amount = line.amount - line.spent_amount

    def _spent_by_line(self, exclude_moves=None):
        """X1: posted bill lines per budget line (company currency, refunds negative),
        one GROUP BY."""
        domain = [
            ("marketing_budget_line_id", "in", self.ids),
            ("parent_state", "in", SPEND_STATES),
        ]
        if exclude_moves:
            domain.append(("move_id", "not in", exclude_moves.ids))
        groups = (
            self.env["account.move.line"]
            .sudo()
            ._read_group(domain, ["marketing_budget_line_id"], ["balance:sum"])
        )
        return {line.id: amount for line, amount in groups}

    # ------------------------------------------------------------------
    # CRUD METHODS
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        budgets = self.env["property.marketing.budget"].browse(
            [vals["budget_id"] for vals in vals_list if vals.get("budget_id")]
        )
        budgets._check_lines_editable()
        return super().create(vals_list)

    def write(self, vals):
        self.budget_id._check_lines_editable()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_submitted(self):
        self.budget_id._check_lines_editable()
