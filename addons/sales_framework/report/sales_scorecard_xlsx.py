from odoo import models


class SalesScorecardXlsx(models.AbstractModel):
    _name = "report.sales_framework.scorecard_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Sales Scorecard (XLSX)"

    def generate_xlsx_report(self, workbook, data, wizards):
        _ = self.env._
        bold = workbook.add_format({"bold": True})
        money = workbook.add_format({"num_format": "#,##0.00"})
        columns = [
            (_("Salesperson"), "user", None),
            (_("Sales Target"), "target", money),
            (_("Confirmed Sales"), "sales", money),
            (_("Achievement (%)"), "achievement", None),
            (_("Collected"), "collected", money),
            (_("New Customers Target"), "new_customer_target", None),
            (_("New Customers"), "new_customers", None),
            (_("Overdue Receivables"), "overdue", money),
            (_("Complaints"), "complaints", None),
            (_("After-Sales Cost"), "after_sales_cost", money),
        ]
        for wizard in wizards:
            sheet = workbook.add_worksheet(wizard.month.strftime("%Y-%m"))
            sheet.write(
                0, 0, _("Sales Scorecard %(month)s", month=wizard.month.strftime("%Y-%m")), bold
            )
            for col, (title, _key, _fmt) in enumerate(columns):
                sheet.write(2, col, title, bold)
                sheet.set_column(col, col, 16)
            for row, values in enumerate(wizard._scorecard_rows(), start=3):
                for col, (_title, key, fmt) in enumerate(columns):
                    sheet.write(row, col, values[key], fmt)
