from odoo import fields, models


class PropertySalesReportXlsx(models.AbstractModel):
    """R1: the daily, weekly, monthly and half-year sales reports, one sheet per project,
    from the same figures as the dashboards (``property.sales.analysis``).

    ``data``: ``{"kind": "daily" | "weekly" | "monthly" | "half_year", "date": "YYYY-MM-DD"}``
    (the reference day, default today)."""

    _name = "report.property_crm.sales_report_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Sales Office Report (XLSX)"

    def generate_xlsx_report(self, workbook, data, projects):
        _ = self.env._
        Analysis = self.env["property.sales.analysis"]
        kind = (data or {}).get("kind") or "daily"
        day = fields.Date.to_date((data or {}).get("date")) or fields.Date.context_today(self)
        date_from, date_to = Analysis._report_period(kind, day)
        styles = {
            "bold": workbook.add_format({"bold": True}),
            "title": workbook.add_format({"bold": True, "font_size": 14}),
            "money": workbook.add_format({"num_format": "#,##0.00"}),
        }
        kinds = dict(
            self.env["property.sales.report.wizard"]
            ._fields["kind"]
            ._description_selection(self.env)
        )
        totals = Analysis._figures(projects, date_from, date_to)
        by_user = Analysis._figures(projects, date_from, date_to, ("user_id",))
        by_source = Analysis._figures(projects, date_from, date_to, ("source_id",))
        extra = {}
        if kind == "half_year":
            extra["month"] = Analysis._figures(projects, date_from, date_to, ("date:month",))
            extra["layout"] = Analysis._figures(projects, date_from, date_to, ("layout",))
        for project in projects:
            sheet = workbook.add_worksheet(f"{project.code or project.id}"[:31])
            sheet.set_column(0, 0, 24)
            sheet.set_column(1, 8, 14)
            sheet.write(0, 0, f"{project.name} · {kinds[kind]}", styles["title"])
            sheet.write(1, 0, f"{date_from} – {date_to}")
            figures = totals.get((project,), dict.fromkeys(Analysis.MEASURES, 0))
            row = self._write_summary(sheet, 3, figures, styles)
            row = self._write_table(
                sheet, row + 1, _("By Consultant"), by_user, project, styles,
                lambda user: user.name or _("Unassigned"),
            )  # fmt: skip
            row = self._write_table(
                sheet, row + 1, _("By Source"), by_source, project, styles,
                lambda source: source.name or _("Other"),
            )  # fmt: skip
            if kind == "half_year":
                row = self._write_table(
                    sheet, row + 1, _("Six-Month Trend"), extra["month"], project, styles, str
                )
                self._write_layouts(sheet, row + 1, extra["layout"], project, styles)

    def _write_summary(self, sheet, row, figures, styles):
        _ = self.env._
        Analysis = self.env["property.sales.analysis"]
        lines = [
            (_("Calls"), figures["call_count"], None),
            (_("Visits"), figures["visit_count"], None),
            (_("New Customers"), figures["lead_count"], None),
            (_("Collisions"), figures["collision_count"], None),
            (_("Locks"), figures["lock_count"], None),
            (_("Subscriptions"), figures["subscription_count"], None),
            (_("Subscribed Amount"), figures["subscription_amount"], styles["money"]),
            (_("Deposits Received"), figures["payment_amount"], styles["money"]),
            (_("Visit to Subscription (%)"), Analysis._conversion(figures), None),
        ]
        for label, value, style in lines:
            sheet.write(row, 0, label, styles["bold"])
            sheet.write(row, 1, value, style)
            row += 1
        return row

    def _write_table(self, sheet, row, title, figures, project, styles, name):
        _ = self.env._
        sheet.write(row, 0, title, styles["bold"])
        headers = [
            _("Calls"),
            _("Visits"),
            _("New Customers"),
            _("Locks"),
            _("Subscriptions"),
            _("Subscribed Amount"),
            _("Deposits Received"),
        ]
        keys = [
            "call_count",
            "visit_count",
            "lead_count",
            "lock_count",
            "subscription_count",
            "subscription_amount",
            "payment_amount",
        ]
        for col, header in enumerate(headers, start=1):
            sheet.write(row, col, header, styles["bold"])
        row += 1
        for key, values in sorted(
            ((k, v) for k, v in figures.items() if k[0] == project),
            key=lambda item: str(item[0][1]),
        ):
            sheet.write(row, 0, name(key[1]))
            for col, measure in enumerate(keys, start=1):
                style = styles["money"] if measure.endswith("amount") else None
                sheet.write(row, col, values[measure], style)
            row += 1
        return row

    def _write_layouts(self, sheet, row, figures, project, styles):
        """R1: best- and slow-selling layouts: subscriptions per layout, best first, with
        the units of the layout still available."""
        _ = self.env._
        available = dict(
            self.env["property.unit"]
            .sudo()
            ._read_group(
                [("project_id", "=", project.id), ("state", "=", "available")],
                ["layout"],
                ["__count"],
            )
        )
        sheet.write(row, 0, _("Layouts, Best-Selling First"), styles["bold"])
        for col, header in enumerate(
            [_("Subscriptions"), _("Subscribed Amount"), _("Units Available")], start=1
        ):
            sheet.write(row, col, header, styles["bold"])
        row += 1
        layouts = set(available) | {k[1] for k in figures if k[0] == project and k[1]}
        ranked = sorted(
            layouts,
            key=lambda layout: (
                -figures.get((project, layout), {}).get("subscription_count", 0),
                layout,
            ),
        )
        for layout in ranked:
            values = figures.get((project, layout), {})
            sheet.write(row, 0, layout)
            sheet.write(row, 1, values.get("subscription_count", 0))
            sheet.write(row, 2, values.get("subscription_amount", 0.0), styles["money"])
            sheet.write(row, 3, available.get(layout, 0))
            row += 1
        return row
