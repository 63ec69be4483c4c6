from odoo import fields, models, tools

MONTH = "date_trunc('month', timezone(COALESCE(up.tz, 'UTC'), so.date_order AT TIME ZONE 'UTC'))"


class SalesAchievementReport(models.Model):
    """Targets of approved plans against confirmed sales (order lines, untaxed, in company
    currency), collections (payments reconciled with customer invoices) and new customers
    (first confirmed order), per company, team, salesperson and month. One SQL view: a
    pivot or graph over it is one query, whatever the number of order lines."""

    _name = "sales.achievement.report"
    _description = "Sales Achievement"
    _auto = False
    _order = "date desc"

    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    team_id = fields.Many2one("crm.team", string="Sales Team", readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    date = fields.Date(string="Month", readonly=True)
    amount_target = fields.Monetary(string="Sales Target", readonly=True)
    amount_sales = fields.Monetary(string="Confirmed Sales", readonly=True)
    amount_collected = fields.Monetary(string="Collected", readonly=True)
    new_customer_target = fields.Integer(string="New Customers Target", readonly=True)
    new_customers = fields.Integer(readonly=True)

    def _query(self):
        return f"""
            SELECT row_number() OVER () AS id, r.company_id, c.currency_id, r.team_id,
                   r.user_id, r.date,
                   SUM(r.amount_target) AS amount_target,
                   SUM(r.amount_sales) AS amount_sales,
                   SUM(r.amount_collected) AS amount_collected,
                   SUM(r.new_customer_target)::integer AS new_customer_target,
                   SUM(r.new_customers)::integer AS new_customers
              FROM (
                    SELECT t.company_id, t.team_id, t.user_id, t.date,
                           t.amount_target, 0.0 AS amount_sales, 0.0 AS amount_collected,
                           t.new_customer_target, 0 AS new_customers
                      FROM sales_target t
                      JOIN sales_target_plan p ON p.id = t.plan_id AND p.state = 'approved'
                    UNION ALL
                    SELECT so.company_id, so.team_id, so.user_id, {MONTH}::date,
                           0.0, SUM(sol.price_subtotal / COALESCE(NULLIF(so.currency_rate, 0), 1)),
                           0.0, 0, 0
                      FROM sale_order_line sol
                      JOIN sale_order so ON so.id = sol.order_id
                      LEFT JOIN res_users u ON u.id = so.user_id
                      LEFT JOIN res_partner up ON up.id = u.partner_id
                     WHERE so.state = 'sale' AND sol.display_type IS NULL
                     GROUP BY 1, 2, 3, 4
                    UNION ALL
                    SELECT inv.company_id, inv.team_id, inv.invoice_user_id,
                           date_trunc('month', apr.max_date)::date,
                           0.0, 0.0, SUM(apr.amount), 0, 0
                      FROM account_partial_reconcile apr
                      JOIN account_move_line aml ON aml.id = apr.debit_move_id
                      JOIN account_account acc ON acc.id = aml.account_id
                      JOIN account_move inv ON inv.id = aml.move_id
                     WHERE inv.move_type = 'out_invoice' AND inv.state = 'posted'
                       AND acc.account_type = 'asset_receivable'
                     GROUP BY 1, 2, 3, 4
                    UNION ALL
                    SELECT f.company_id, f.team_id, f.user_id, f.date, 0.0, 0.0, 0.0, 0,
                           COUNT(*)
                      FROM (
                            SELECT DISTINCT ON (so.company_id, p.commercial_partner_id)
                                   so.company_id, so.team_id, so.user_id, {MONTH}::date AS date
                              FROM sale_order so
                              JOIN res_partner p ON p.id = so.partner_id
                              LEFT JOIN res_users u ON u.id = so.user_id
                              LEFT JOIN res_partner up ON up.id = u.partner_id
                             WHERE so.state = 'sale'
                             ORDER BY so.company_id, p.commercial_partner_id, so.date_order, so.id
                           ) f
                     GROUP BY 1, 2, 3, 4
                   ) r
              JOIN res_company c ON c.id = r.company_id
             GROUP BY r.company_id, c.currency_id, r.team_id, r.user_id, r.date
        """

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(f"CREATE OR REPLACE VIEW {self._table} AS ({self._query()})")  # pylint: disable=sql-injection

    def _search(self, domain, offset=0, limit=None, order=None):
        """The view reads orders, invoices, payments and targets: write them first."""
        self.env.flush_all()
        return super()._search(domain, offset=offset, limit=limit, order=order)

    def _achievement_by_cell(self, targets):
        """{(user_id, team_id, month): (sales, collected, new customers)} for the targets."""
        if not targets:
            return {}
        groups = self.sudo()._read_group(
            [
                ("user_id", "in", targets.user_id.ids),
                ("team_id", "in", targets.team_id.ids),
                ("date", "in", list(set(targets.mapped("date")))),
                ("company_id", "in", targets.company_id.ids),
            ],
            ["user_id", "team_id", "date:day"],
            ["amount_sales:sum", "amount_collected:sum", "new_customers:sum"],
        )
        return {
            (user.id, team.id, day): (sales, collected, customers)
            for user, team, day, sales, collected, customers in groups
        }
