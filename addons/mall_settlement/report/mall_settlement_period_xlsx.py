from odoo import models


class MallSettlementPeriodXlsx(models.AbstractModel):
    """The period summary workbook: one row per supplier, a totals row and the ranks by
    net sales and by sales per m²."""

    _name = "report.mall_settlement.period_summary_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Settlement Period Summary (XLSX)"

    def generate_xlsx_report(self, workbook, data, periods):
        _ = self.env._
        bold = workbook.add_format({"bold": True})
        money = workbook.add_format({"num_format": "#,##0.00"})
        money_bold = workbook.add_format({"num_format": "#,##0.00", "bold": True})
        columns = [
            (_("Supplier"), "partner"),
            (_("Contract"), "contract"),
            (_("Brand"), "brand"),
            (_("Net Sales"), "net_sales"),
            (_("Till Discounts"), "discount_total"),
            (_("Mall Discount Share"), "mall_discount_share"),
            (_("Commission"), "commission"),
            (_("Shortfall"), "shortfall"),
            (_("Charges"), "charge_total"),
            (_("Payable"), "payable"),
            (_("Counter Area (m²)"), "counter_area"),
            (_("Sales per m²"), "sales_per_area"),
            (_("Rank by Sales"), "rank_sales"),
            (_("Rank by Sales per m²"), "rank_area"),
            (_("Payment Priority"), "priority_class"),
            (_("Status"), "state"),
        ]
        totals = (
            "net_sales",
            "discount_total",
            "mall_discount_share",
            "commission",
            "shortfall",
            "charge_total",
            "payable",
        )
        states = dict(
            self.env["mall.settlement.statement"]._fields["state"]._description_selection(self.env)
        )
        for period in periods:
            sheet = workbook.add_worksheet(period.name[:31])
            sheet.write(0, 0, _("Settlement period %(period)s", period=period.name), bold)
            sheet.write(1, 0, f"{period.date_from} – {period.date_to}")
            for col, (label, _key) in enumerate(columns):
                sheet.write(3, col, label, bold)
                sheet.set_column(col, col, 16)
            row = 4
            for statement in period.statement_ids.sorted(lambda s: (s.rank_sales, s.id)):
                values = {
                    "partner": statement.partner_id.name,
                    "contract": statement.contract_id.name,
                    "brand": statement.brand_id.name or "",
                    "priority_class": statement.priority_class.upper(),
                    "state": states[statement.state],
                }
                for col, (_label, key) in enumerate(columns):
                    if key in values:
                        sheet.write(row, col, values[key])
                    elif key in ("rank_sales", "rank_area"):
                        sheet.write_number(row, col, statement[key])
                    else:
                        sheet.write_number(row, col, statement[key], money)
                row += 1
            sheet.write(row, 0, _("Total"), bold)
            for col, (_label, key) in enumerate(columns):
                if key in totals:
                    sheet.write_number(row, col, sum(period.statement_ids.mapped(key)), money_bold)
