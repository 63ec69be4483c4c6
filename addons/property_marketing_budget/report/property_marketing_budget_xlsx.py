from odoo import models


class PropertyMarketingBudgetXlsx(models.AbstractModel):
    """X1: budget versus actual of each budget, one sheet per budget: a row per
    department × category × phase, with the budget, the posted spend and what remains."""

    _name = "report.property_marketing_budget.budget_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Marketing Budget vs Actual (XLSX)"

    def generate_xlsx_report(self, workbook, data, budgets):
        _ = self.env._
        bold = workbook.add_format({"bold": True})
        money = workbook.add_format({"num_format": "#,##0.00"})
        money_bold = workbook.add_format({"num_format": "#,##0.00", "bold": True})
        percent = workbook.add_format({"num_format": "0.0%"})
        headers = [
            _("Department"),
            _("Expense Category"),
            _("Phase"),
            _("Budget"),
            _("Spent"),
            _("Remaining"),
            _("Used"),
        ]
        phases = dict(
            self.env["property.marketing.budget.line"]
            ._fields["phase"]
            ._description_selection(self.env)
        )
        for budget in budgets:
            sheet = workbook.add_worksheet(f"{budget.project_id.code} {budget.id}"[:31])
            sheet.write(0, 0, budget.name, bold)
            sheet.write(1, 0, _("Project Sales"))
            sheet.write(1, 1, budget.sales_amount, money)
            sheet.write(2, 0, _("Ceiling"))
            sheet.write(2, 1, budget.ceiling, money)
            for col, label in enumerate(headers):
                sheet.write(4, col, label, bold)
                sheet.set_column(col, col, 16)
            row = 5
            for line in budget.line_ids:
                sheet.write(row, 0, line.department_id.name)
                sheet.write(row, 1, line.category_id.name)
                sheet.write(row, 2, phases.get(line.phase, ""))
                sheet.write(row, 3, line.amount, money)
                sheet.write(row, 4, line.spent_amount, money)
                sheet.write(row, 5, line.remaining_amount, money)
                sheet.write(row, 6, line.spent_amount / line.amount if line.amount else 0, percent)
                row += 1
            sheet.write(row, 0, _("Total"), bold)
            sheet.write(row, 3, budget.amount_total, money_bold)
            sheet.write(row, 4, budget.spent_amount, money_bold)
            sheet.write(row, 5, budget.remaining_amount, money_bold)
