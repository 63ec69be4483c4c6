from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date
from odoo.tools.translate import LazyTranslate

from odoo.addons.mall_consignment.models.mall_contract import SIGNED_STATES
from odoo.addons.marketing_base.models.common import (
    format_money,
    join_list,
    selection_label,
)
from odoo.addons.marketing_base.models.marketing_workflow_mixin import workflow_action

_lt = LazyTranslate(__name__)

SETTLED_STATES = ("confirmed", "invoiced", "paid")
ACCOUNTANT_GROUP = "mall_consignment.group_floor_accountant"
FINANCE_GROUP = "account.group_account_invoice"


class MallSettlementPeriod(models.Model):
    """A monthly settlement period (T1): from the day after the previous cutoff to the
    cutoff day; draft → prepared → reconciling → closed."""

    _name = "mall.settlement.period"
    _description = "Settlement Period"
    _inherit = ["mail.thread", "mail.activity.mixin", "marketing.workflow.mixin"]
    _order = "date_from desc, id desc"

    _workflow_fields = {
        "state": _lt("the Prepare Statements, Start Reconciliation and Close Period buttons"),
        "date_prepared": _lt("the Prepare Statements button"),
    }

    name = fields.Char(
        compute="_compute_name", store=True, precompute=True, readonly=False, required=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    date_from = fields.Date(
        string="From", required=True, tracking=True, default=lambda self: self._default_dates()[0]
    )
    date_to = fields.Date(
        string="To", required=True, tracking=True, default=lambda self: self._default_dates()[1]
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("prepared", "Prepared"),
            ("reconciling", "Reconciling"),
            ("closed", "Closed"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    statement_ids = fields.One2many("mall.settlement.statement", "period_id", string="Statements")
    statement_count = fields.Integer(compute="_compute_totals", store=True)
    net_sales_total = fields.Monetary(string="Net Sales", compute="_compute_totals", store=True)
    payable_total = fields.Monetary(string="Payable", compute="_compute_totals", store=True)
    date_prepared = fields.Datetime(string="Prepared On", readonly=True, copy=False)

    # ------------------------------------------------------------------ defaults
    @api.model
    def _default_dates(self):
        """The last complete period (its cutoff day is today or before)."""
        company = self.env.company
        today = fields.Date.context_today(self)
        year, month = today.year, today.month
        if today.day < (company.mall_cutoff_day or 25):
            previous = today.replace(day=1) - timedelta(days=1)
            year, month = previous.year, previous.month
        return company._mall_period_dates(year, month)

    @api.depends("date_to")
    def _compute_name(self):
        for period in self:
            period.name = period.date_to.strftime("%Y-%m") if period.date_to else "/"

    @api.depends("statement_ids.net_sales", "statement_ids.payable")
    def _compute_totals(self):
        """Stored, so that the pivot and graph views sum them over periods."""
        for period in self:
            statements = period.statement_ids
            period.statement_count = len(statements)
            period.net_sales_total = sum(statements.mapped("net_sales"))
            period.payable_total = sum(statements.mapped("payable"))

    # ------------------------------------------------------------------ constraints
    @api.constrains("date_from", "date_to", "company_id")
    def _check_dates(self):
        for period in self:
            if period.date_to < period.date_from:
                raise ValidationError(
                    self.env._(
                        "Period %(period)s ends before it starts.", period=period.display_name
                    )
                )
        self._raise_if_overlap()

    def _raise_if_overlap(self):
        """A company's periods never overlap (so a ledger row is settled once)."""
        if not self:
            return
        self.env.flush_all()
        self.env.cr.execute(
            """
            SELECT p.name, o.name, o.state
              FROM mall_settlement_period p
              JOIN mall_settlement_period o
                ON o.company_id = p.company_id AND o.id != p.id
               AND daterange(p.date_from, p.date_to, '[]')
                && daterange(o.date_from, o.date_to, '[]')
             WHERE p.id IN %s
             LIMIT 1
            """,
            [tuple(self.ids)],
        )
        row = self.env.cr.fetchone()
        if row:
            raise ValidationError(
                self.env._(
                    "Settlement period %(period)s overlaps period %(other)s (%(state)s) of the "
                    "same company.",
                    period=row[0],
                    other=row[1],
                    state=selection_label(self, "state", row[2]),
                )
            )

    # ------------------------------------------------------------------ CRUD
    @api.model
    def create_for_month(self, year, month, company=None):
        """The period of ``month`` by the company's cutoff day (T1)."""
        company = company or self.env.company
        date_from, date_to = company._mall_period_dates(year, month)
        return self.create({"company_id": company.id, "date_from": date_from, "date_to": date_to})

    @api.model_create_multi
    def create(self, vals_list):
        periods = super().create(vals_list)
        periods._assign_ledger_rows()
        return periods

    def _assign_ledger_rows(self):
        """The ledger rows dated in these periods point to them (the ledger pivot groups
        by settlement period): one SQL UPDATE per call."""
        self.flush_recordset(["company_id", "date_from", "date_to"])
        self.env["mall.sale.line"]._assign_settlement_periods(periods=self)

    def write(self, vals):
        if {"date_from", "date_to", "company_id"} & set(vals) and any(
            period.state != "draft" for period in self
        ):
            raise UserError(self.env._("Only the dates of a draft period can change."))
        result = super().write(vals)
        if {"date_from", "date_to", "company_id"} & set(vals):
            self._assign_ledger_rows()
        return result

    def unlink(self):
        if any(period.state != "draft" for period in self):
            raise UserError(self.env._("Only draft periods can be deleted."))
        return super().unlink()

    # ------------------------------------------------------------------ prepare
    def action_prepare(self):
        """Compute one statement per consignment contract with sales or charges in the
        period (T2-T7, T9 classes). Draft statements are recomputed with the same figures;
        sent or confirmed ones are never touched. One SQL GROUP BY for the ledger, batch
        creates: the query count does not depend on the number of ledger rows.
        Company-wide: the statements of every floor are prepared (as superuser, after
        the role check)."""
        self._check_role(ACCOUNTANT_GROUP)
        prepared_before = self.filtered(lambda p: p.state == "prepared")
        for period in self:
            if period.state not in ("draft", "prepared"):
                raise UserError(
                    self.env._(
                        "Period %(period)s is %(state)s: it can no longer be prepared.",
                        period=period.name,
                        state=selection_label(period, "state"),
                    )
                )
            period._raise_if_overlap()
            with workflow_action():
                period.sudo()._prepare_statements()
        self._workflow_write({"state": "prepared", "date_prepared": fields.Datetime.now()})
        return self._prepare_summary(prepared_before)

    def _prepare_summary(self, prepared_before):
        """What Prepare Statements did: a note in each period's chatter and a notification
        (n statements, total payable); ``prepared_before``: the periods prepared again."""
        summaries = []
        for period in self:
            values = {
                "period": period.name,
                "count": period.statement_count,
                "payable": format_money(self.env, period.payable_total, period.currency_id),
            }
            if period in prepared_before:
                body = self.env._(
                    "Period %(period)s prepared again: %(count)s statement(s), total "
                    "payable %(payable)s.",
                    **values,
                )
            else:
                body = self.env._(
                    "Period %(period)s prepared: %(count)s statement(s), total payable "
                    "%(payable)s.",
                    **values,
                )
            period._message_log(body=body)
            summaries.append(body)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": "\n".join(summaries),
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    def _prepare_statements(self):
        """Create or recompute the period's draft statements. The figure hooks of the
        statement model fill the statements they are given; the ledger is read through
        ``mall.sale.line._sales_totals`` only."""
        self.ensure_one()
        self.env.cr.execute(
            "SELECT id FROM mall_settlement_period WHERE id = %s FOR UPDATE", [self.id]
        )
        Statement = self.env["mall.settlement.statement"].with_context(
            mail_create_nolog=True, mail_create_nosubscribe=True
        )
        Charge = self.env["mall.supplier.charge"].with_context(
            mail_create_nolog=True, mail_create_nosubscribe=True
        )
        sales = self._ledger_totals()
        open_charges = Charge.search(
            [
                ("company_id", "=", self.company_id.id),
                ("date", ">=", self.date_from),
                ("date", "<=", self.date_to),
                ("generated", "=", False),
                "|",
                ("statement_id", "=", False),
                ("statement_id.state", "=", "draft"),
            ]
        )
        contracts = self.env["mall.contract"].search(
            [
                ("id", "in", list(set(sales) | set(open_charges.contract_id.ids))),
                ("contract_type", "=", "consignment"),
                ("state", "in", SIGNED_STATES),
                ("company_id", "=", self.company_id.id),
            ],
            order="id",
        )
        existing = Statement.search([("period_id", "=", self.id), ("adjustment_of_id", "=", False)])
        by_contract = {statement.contract_id.id: statement for statement in existing}

        drafts = existing.filtered(lambda s: s.state == "draft")
        # Recompute drafts from scratch: their generated charges go, manual ones unlink.
        drafts.charge_ids.filtered("generated").unlink()
        drafts.charge_ids._detach()
        drafts.filtered(lambda s: s.contract_id not in contracts).unlink()

        new_vals = [
            {
                "period_id": self.id,
                "contract_id": contract.id,
                "partner_id": contract.partner_id.id,
            }
            for contract in contracts
            if contract.id not in by_contract
        ]
        targets = (drafts & existing.exists()) | Statement.create(new_vals)
        targets = targets.sorted(lambda s: s.contract_id.id)
        terms = targets.contract_id._terms_batch(self.date_to)
        figures = targets._prepare_sales_figures(sales)
        commissions = targets._commission_figures(figures, terms)
        shares = targets._discount_share(figures, terms)
        generated = targets._generated_charges(figures, terms)
        net_sales = {cid: totals["amount"] for cid, totals in sales.items()}
        for statement in existing - targets:
            net_sales[statement.contract_id.id] = statement.net_sales
        classes = Statement._priority_classes(self, contracts, net_sales)
        for statement in targets:
            klass, rank_sales, rank_area, per_area = classes[statement.contract_id.id]
            statement._write_changed(
                {
                    **figures[statement.id],
                    **commissions[statement.id],
                    **shares[statement.id],
                    "counter_area": statement.contract_id.counter_area,
                    "priority_class": klass,
                    "rank_sales": rank_sales,
                    "rank_area": rank_area,
                    "sales_per_area": per_area,
                }
            )
        charge_types = {}
        charge_vals = []
        for statement in targets:
            for code, amount, description in generated.get(statement.id, []):
                if code not in charge_types:
                    charge_types[code] = self.env["mall.charge.type"]._by_code(code)
                charge_vals.append(
                    {
                        "contract_id": statement.contract_id.id,
                        "partner_id": statement.partner_id.id,
                        "company_id": self.company_id.id,
                        "charge_type_id": charge_types[code].id,
                        "date": self.date_to,
                        "amount": amount,
                        "description": description,
                        "generated": True,
                        "statement_id": statement.id,
                    }
                )
        Charge.create(charge_vals)
        by_target = {statement.contract_id.id: statement for statement in targets}
        per_statement = {}
        for charge in open_charges.exists():
            statement = by_target.get(charge.contract_id.id)
            if statement:
                per_statement.setdefault(statement, Charge)
                per_statement[statement] |= charge
        for statement, charges in per_statement.items():
            charges.write({"statement_id": statement.id})
        return targets

    def _ledger_totals(self):
        """The period's ledger totals by contract ({contract id: {amount, discount,
        returns}}): one GROUP BY through ``mall.sale.line._sales_totals``. A hook: a
        module that needs finer totals of the same rows reads them in this one scan."""
        self.ensure_one()
        return self.env["mall.sale.line"]._sales_totals(
            self.company_id, self.date_from, self.date_to
        )

    @api.model
    def _raise_if_settled(self, companies, dates, charges=None):
        """T2: money dated inside a period whose statements have left draft would fall
        between two statements: refuse it, naming the period and what to do.

        Ledger rows (``charges`` None): refused when the period is under reconciliation
        or closed, or when any of its statements has been sent. Charges: refused when the
        period is under reconciliation or closed, or when the statement of the charge's
        contract in that period has been sent."""
        dates = [day for day in dates if day]
        if not dates or not companies:
            return
        periods = self.sudo().search(
            [
                ("company_id", "in", companies.ids),
                ("date_from", "<=", max(dates)),
                ("date_to", ">=", min(dates)),
                ("state", "!=", "draft"),
            ]
        )
        if not periods:
            return
        sent = (
            self.env["mall.settlement.statement"]
            .sudo()
            .search(
                [
                    ("period_id", "in", periods.ids),
                    ("adjustment_of_id", "=", False),
                    ("state", "!=", "draft"),
                ]
            )
        )
        sent_contracts = {(s.period_id.id, s.contract_id.id) for s in sent}
        sent_periods = set(sent.period_id.ids)

        def blocking(company, day, contract=None):
            for period in periods:
                if period.company_id != company or not period.date_from <= day <= period.date_to:
                    continue
                if period.state in ("reconciling", "closed"):
                    return period
                if contract is None and period.id in sent_periods:
                    return period
                if contract is not None and (period.id, contract.id) in sent_contracts:
                    return period
            return None

        if charges is None:
            for company in companies:
                for day in sorted(dates):
                    period = blocking(company, day)
                    if period:
                        raise UserError(
                            self.env._(
                                "Takings dated %(date)s fall in settlement period %(period)s "
                                "(%(date_from)s – %(date_to)s), whose statements have already "
                                "been sent to the suppliers: they can no longer be added, "
                                "changed or deleted. Date the row in the next open period, or "
                                "correct the supplier's settlement with an adjusting statement.",
                                date=format_date(self.env, day),
                                period=period.name,
                                date_from=format_date(self.env, period.date_from),
                                date_to=format_date(self.env, period.date_to),
                            )
                        )
            return
        for charge in charges:
            period = blocking(charge.company_id, charge.date, charge.contract_id)
            if period:
                raise UserError(
                    self.env._(
                        "The %(type)s charge dated %(date)s for contract %(contract)s falls in "
                        "settlement period %(period)s (%(date_from)s – %(date_to)s), whose "
                        "statement for this contract has already been sent to the supplier "
                        "(or the period is being reconciled or closed). Date the charge in the "
                        "next open period, or correct the settlement with an adjusting "
                        "statement.",
                        type=charge.charge_type_id.name,
                        date=format_date(self.env, charge.date),
                        contract=charge.contract_id.name,
                        period=period.name,
                        date_from=format_date(self.env, period.date_from),
                        date_to=format_date(self.env, period.date_to),
                    )
                )

    # ------------------------------------------------------------------ workflow
    def action_start_reconciliation(self):
        """Prepared → reconciling: the suppliers check their statements (T1)."""
        self._check_role(ACCOUNTANT_GROUP, FINANCE_GROUP)
        for period in self:
            if period.state != "prepared":
                raise UserError(
                    self.env._(
                        "Period %(period)s must be prepared before reconciliation starts.",
                        period=period.name,
                    )
                )
        self._workflow_write({"state": "reconciling"})
        return True

    def action_close(self):
        """Every statement confirmed: the period closes; nothing dated in it changes."""
        self._check_role(FINANCE_GROUP)
        for period in self:
            if period.state not in ("prepared", "reconciling"):
                raise UserError(
                    self.env._("Period %(period)s cannot be closed now.", period=period.name)
                )
            open_statements = period.statement_ids.filtered(lambda s: s.state not in SETTLED_STATES)
            if open_statements:
                raise UserError(
                    self.env._(
                        "Period %(period)s cannot close: statements %(statements)s are not "
                        "confirmed yet.",
                        period=period.name,
                        statements=join_list(self.env, open_statements[:5].mapped("name")),
                    )
                )
        self._workflow_write({"state": "closed"})
        return True

    def action_view_statements(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "mall_settlement.action_mall_settlement_statement"
        )
        action["domain"] = [("period_id", "=", self.id)]
        action["context"] = {"default_period_id": self.id}
        return action

    # ------------------------------------------------------------------ cron
    @api.model
    def _cron_settlement(self):
        """Daily: on a company's cutoff day prepare the period ending today and give its
        floor accountants an activity; on the 27th give finance an activity to confirm
        and pay the prepared statements. The scheduler acts for every company."""
        return self.sudo()._settlement_schedule()

    @api.model
    def _settlement_schedule(self):
        today = fields.Date.context_today(self)
        todo = "mail.mail_activity_data_todo"
        finance = self.env.ref("account.group_account_manager").users
        for company in self.env["res.company"].search([]):
            env_company = self.with_company(company)
            if today.day == company.mall_cutoff_day:
                period = env_company.search(
                    [("company_id", "=", company.id), ("date_to", "=", today)], limit=1
                ) or env_company.create_for_month(today.year, today.month, company)
                if period.state in ("draft", "prepared"):
                    period.action_prepare()
                floors = self.env["mall.floor"].search([("company_id", "=", company.id)])
                for user in floors.accountant_ids:
                    period.activity_schedule(
                        todo,
                        user_id=user.id,
                        summary=period.with_context(lang=user.lang).env._(
                            "Check and send the statements of period %(period)s",
                            period=period.name,
                        ),
                    )
            if today.day == 27:
                period = env_company.search(
                    [("company_id", "=", company.id), ("state", "in", ("prepared", "reconciling"))],
                    order="date_to desc",
                    limit=1,
                )
                for user in period and finance.filtered(lambda u, c=company: c in u.company_ids):
                    period.activity_schedule(
                        todo,
                        user_id=user.id,
                        summary=period.with_context(lang=user.lang).env._(
                            "Confirm and pay the statements of period %(period)s",
                            period=period.name,
                        ),
                    )

    @api.model
    def _demo_prepare_last_period(self):
        """Demo: the last complete period with a few charges, prepared."""
        period = self.search(
            [("company_id", "=", self.env.company.id), ("date_to", "=", self._default_dates()[1])],
            limit=1,
        ) or self.create({})
        contracts = [
            self.env.ref(f"mall_consignment.contract_{n:02d}", raise_if_not_found=False)
            for n in (1, 2, 3, 5)
        ]
        charges = []
        for contract, (charge_type, amount) in zip(
            contracts,
            [
                ("electricity", 860.0),
                ("promotion", 1500.0),
                ("advertising", 2000.0),
                ("storage", 300.0),
            ],
            strict=True,
        ):
            if contract and contract.contract_type == "consignment":
                charges.append(
                    {
                        "contract_id": contract.id,
                        "charge_type_id": self.env["mall.charge.type"]._by_code(charge_type).id,
                        "amount": amount,
                        "date": period.date_to,
                        "description": "Demo",
                    }
                )
        self.env["mall.supplier.charge"].create(charges)
        if period.state == "draft":
            period.action_prepare()
        return period
