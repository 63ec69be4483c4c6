from odoo import api, fields, models
from odoo.tools import SQL
from odoo.tools.sql import table_exists


class MallSaleLine(models.Model):
    _inherit = "mall.sale.line"

    settlement_period_id = fields.Many2one(
        "mall.settlement.period",
        string="Settlement Period",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="set null",
        help="The settlement period whose dates contain the row's date.",
    )

    def init(self):
        # Rows recorded before this field existed (an updated database): one UPDATE.
        if table_exists(self.env.cr, "mall_settlement_period"):
            self._assign_settlement_periods(only_unassigned=True)

    @api.model
    def _assign_settlement_periods(
        self, periods=None, line_ids=None, batch=None, only_unassigned=False
    ):
        """Set ``settlement_period_id`` of ledger rows from the dates of the periods of
        their company, in SQL (one or two statements, no per-row Python): for the rows
        ``line_ids``, the rows of an import ``batch``, or every row of ``periods`` (rows
        that left a period whose dates changed are cleared first)."""
        conditions = [SQL("l.settlement_period_id IS DISTINCT FROM p.id")]
        if periods is not None:
            if not periods:
                return
            self.env.cr.execute(
                SQL(
                    """
                    UPDATE mall_sale_line l
                       SET settlement_period_id = NULL
                      FROM mall_settlement_period p
                     WHERE p.id = ANY(%s) AND l.settlement_period_id = p.id
                       AND (l.date NOT BETWEEN p.date_from AND p.date_to
                            OR l.company_id != p.company_id)
                    """,
                    periods.ids,
                )
            )
            conditions.append(SQL("p.id = ANY(%s)", periods.ids))
        if line_ids is not None:
            if not line_ids:
                return
            conditions.append(SQL("l.id = ANY(%s)", list(line_ids)))
        if batch is not None:
            conditions.append(SQL("l.batch_id = %s", batch.id))
        if only_unassigned:
            conditions.append(SQL("l.settlement_period_id IS NULL"))
        self.env.cr.execute(
            SQL(
                """
                UPDATE mall_sale_line l
                   SET settlement_period_id = p.id
                  FROM mall_settlement_period p
                 WHERE p.company_id = l.company_id
                   AND l.date BETWEEN p.date_from AND p.date_to
                   AND %s
                """,
                SQL(" AND ").join(conditions),
            )
        )
        self.invalidate_model(["settlement_period_id"])

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.flush_recordset(["date", "company_id"])
        self._assign_settlement_periods(line_ids=lines.ids)
        return lines

    def write(self, vals):
        result = super().write(vals)
        if {"date", "counter_id"} & set(vals):
            self.flush_recordset(["date", "company_id"])
            self._assign_settlement_periods(line_ids=self.ids)
        return result

    @api.model
    def _ledger_insert(self, rows, source, batch, table="mall_sale_line"):
        """After the bulk COPY of an import: the rows dated inside an existing period
        get it in one UPDATE; none when no period covers the imported dates (the
        usual daily import before the period is created)."""
        result = super()._ledger_insert(rows, source, batch, table=table)
        if rows and table == "mall_sale_line":
            dates = [row.date for row in rows]
            covered = (
                self.env["mall.settlement.period"]
                .sudo()
                .search_count(
                    [("date_from", "<=", max(dates)), ("date_to", ">=", min(dates))], limit=1
                )
            )
            if covered:
                self._assign_settlement_periods(batch=batch)
        return result

    @api.model
    def _check_ledger_open(self, company, dates):
        """T2: takings dated inside a period whose statements have left draft are refused
        (created, changed or deleted), naming the period and what to do."""
        self.env["mall.settlement.period"]._raise_if_settled(company, dates)
        return super()._check_ledger_open(company, dates)
