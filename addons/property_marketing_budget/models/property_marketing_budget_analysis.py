from odoo import fields, models, tools
from odoo.tools import SQL

from .property_marketing_budget_line import PHASE


class PropertyMarketingBudgetAnalysis(models.Model):
    """X1: budget versus actual per project, year, department, category and phase: the
    lines of approved and filed annual budgets against their posted bill lines."""

    _name = "property.marketing.budget.analysis"
    _description = "Marketing Budget vs Actual"
    _auto = False
    _order = "year desc, project_id"

    budget_line_id = fields.Many2one("property.marketing.budget.line", readonly=True)
    budget_id = fields.Many2one(
        "property.marketing.budget", string="Marketing Budget", readonly=True
    )
    project_id = fields.Many2one("property.project", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    year = fields.Integer(readonly=True, aggregator=False)
    department_id = fields.Many2one("property.marketing.department", readonly=True)
    category_id = fields.Many2one("property.marketing.category", readonly=True)
    phase = fields.Selection(PHASE, readonly=True)
    budget_amount = fields.Monetary(string="Budget", readonly=True)
    actual_amount = fields.Monetary(string="Actual", readonly=True)
    remaining_amount = fields.Monetary(string="Remaining", readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE VIEW %(table)s AS (
                    SELECT line.id AS id,
                           line.id AS budget_line_id,
                           budget.id AS budget_id,
                           budget.project_id,
                           budget.company_id,
                           company.currency_id,
                           budget.year,
                           line.department_id,
                           line.category_id,
                           line.phase,
                           line.amount AS budget_amount,
                           COALESCE(spent.amount, 0) AS actual_amount,
                           line.amount - COALESCE(spent.amount, 0) AS remaining_amount
                      FROM property_marketing_budget_line line
                      JOIN property_marketing_budget budget ON budget.id = line.budget_id
                      JOIN res_company company ON company.id = budget.company_id
                 LEFT JOIN (
                        SELECT aml.marketing_budget_line_id, SUM(aml.balance) AS amount
                          FROM account_move_line aml
                         WHERE aml.marketing_budget_line_id IS NOT NULL
                           AND aml.parent_state = 'posted'
                      GROUP BY aml.marketing_budget_line_id
                    ) spent ON spent.marketing_budget_line_id = line.id
                     WHERE budget.plan_type = 'annual'
                       AND budget.state IN ('approved', 'filed')
                )
                """,
                table=SQL.identifier(self._table),
            )
        )
