import math
from decimal import Decimal

import psycopg2
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import mute_logger
from odoo.tools.translate import LazyTranslate

from odoo.addons.mall_consignment.models.mall_contract import SIGNED_STATES
from odoo.addons.mall_consignment.models.mall_contract_terms import to_cents, to_decimal
from odoo.addons.marketing_base.models.common import format_money, selection_label
from odoo.addons.marketing_base.models.marketing_workflow_mixin import workflow_action

from .account_move import BATCH_CONTEXT

_lt = LazyTranslate(__name__)

PRIORITY_CLASSES = [
    ("a", "A: Top 20% Sales"),
    ("b", "B: Representative Brand"),
    ("c", "C: New Brand (12 Months)"),
    ("d", "D: Promising Brand"),
    ("e", "E: Other"),
]
STATEMENT_STATES = [
    ("draft", "Draft"),
    ("sent", "Sent"),
    ("disputed", "Disputed"),
    ("supplier_confirmed", "Accepted by Supplier"),
    ("confirmed", "Posted"),
    ("invoiced", "Invoice Received"),
    ("paid", "Paid"),
]
POSTED_STATES = ("confirmed", "invoiced", "paid")
FINANCE_GROUP = "account.group_account_invoice"
ACCOUNTANT_GROUP = "mall_consignment.group_floor_accountant"


class MallSettlementStatement(models.Model):
    """One supplier's settlement of one period (T2-T8): what the mall owes for the
    goods sold at the counters, less commission, shortfall and charges."""

    _name = "mall.settlement.statement"
    _description = "Settlement Statement"
    _inherit = ["portal.mixin", "mail.thread", "mail.activity.mixin", "marketing.workflow.mixin"]
    _order = "id desc"
    _check_company_auto = True

    _workflow_fields = {
        "state": _lt(
            "the Send, Record Dispute, Accept, Post, Supplier Invoice Received and payment buttons"
        ),
        "priority_class": _lt("the Prepare Statements button of the period"),
        "rank_sales": _lt("the Prepare Statements button of the period"),
        "rank_area": _lt("the Prepare Statements button of the period"),
        "date_sent": _lt("the Send to Supplier button"),
        "supplier_confirmed_by_id": _lt("the supplier's Accept button (or Accept for Supplier)"),
        "supplier_confirmed_date": _lt("the supplier's Accept button (or Accept for Supplier)"),
        "supplier_confirmed_on_behalf": _lt("the Accept for Supplier button"),
        "date_confirmed": _lt("the Post button"),
        "confirmed_by_id": _lt("the Post button"),
        "vendor_bill_id": _lt("the Post button"),
        "customer_invoice_id": _lt("the Post button"),
        "netting_move_id": _lt("the payment run"),
        "payment_id": _lt("the payment run"),
        "invoice_received_date": _lt("the Supplier Invoice Received button"),
    }

    # Figures a statement keeps once it has left the draft state (T8).
    FIGURE_FIELDS = (
        "period_id",
        "contract_id",
        "partner_id",
        "net_sales",
        "returns_total",
        "discount_total",
        "discount_share_ratio",
        "mall_discount_share",
        "commission",
        "shortfall",
        "monthly_target",
        "base_rate",
        "adjustment_amount",
        "adjustment_of_id",
    )

    name = fields.Char(string="Number", required=True, readonly=True, copy=False, default="/")
    period_id = fields.Many2one(
        "mall.settlement.period",
        string="Period",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        domain="[('state', '!=', 'closed')]",
        check_company=True,
    )
    company_id = fields.Many2one(related="period_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    date_from = fields.Date(related="period_id.date_from")
    date_to = fields.Date(related="period_id.date_to")
    contract_id = fields.Many2one(
        "mall.contract",
        string="Contract",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Supplier",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
    )
    brand_id = fields.Many2one(related="contract_id.brand_id", store=True, string="Brand")
    # Read as superuser (related): the supplier's PDF and portal page show them without
    # access to the contract or the brand.
    contract_name = fields.Char(related="contract_id.name", string="Contract Number")
    brand_name = fields.Char(related="contract_id.brand_id.name", string="Brand Name")
    counter_area = fields.Float(string="Counter Area (m²)", digits=(12, 2))
    net_sales = fields.Monetary(
        string="Net Sales", tracking=True, help="Ledger amounts after customer returns."
    )
    returns_total = fields.Monetary(
        string="Customer Returns",
        help="The returns (negative ledger rows) already deducted from net sales.",
    )
    discount_total = fields.Monetary(string="Till Discounts", help="Till discounts given.")
    discount_share_ratio = fields.Float(
        string="Supplier Discount Share (%)", digits=(5, 2), help="s of the terms in force."
    )
    mall_discount_share = fields.Monetary(
        string="Mall Discount Share", tracking=True, help="(1 - s) × till discounts."
    )
    base_rate = fields.Float(string="Base Rate (%)", digits=(5, 2))
    commission = fields.Monetary(tracking=True, help="By the terms in force.")
    has_commission_brackets = fields.Boolean(compute="_compute_commission_breakdown")
    commission_breakdown = fields.Html(
        string="Commission Brackets",
        compute="_compute_commission_breakdown",
        sanitize=False,
        help="Each bracket of a tiered commission: its range, the sales in it, its rate and "
        "its commission, summing to the statement's commission.",
    )
    monthly_target = fields.Monetary(string="Monthly Target")
    shortfall = fields.Monetary(tracking=True, help="max(0, target - net sales) × base rate.")
    charge_ids = fields.One2many("mall.supplier.charge", "statement_id", string="Charges")
    charge_total = fields.Monetary(
        string="Total Charges", compute="_compute_amounts", store=True, tracking=True
    )
    adjustment_of_id = fields.Many2one(
        "mall.settlement.statement",
        string="Adjusts",
        readonly=True,
        copy=False,
        help="The confirmed statement this adjusting statement corrects.",
    )
    adjustment_amount = fields.Monetary(
        tracking=True,
        help="Correction of an earlier confirmed statement: positive when the mall owes the "
        "supplier more, negative when less.",
    )
    goods_total = fields.Monetary(
        string="Vendor Bill Total",
        compute="_compute_amounts",
        store=True,
        help="Net sales + mall discount share (+ a positive adjustment).",
    )
    invoice_total = fields.Monetary(
        string="Customer Invoice Total",
        compute="_compute_amounts",
        store=True,
        help="Commission + shortfall + charges (- a negative adjustment).",
    )
    payable = fields.Monetary(
        compute="_compute_amounts",
        store=True,
        tracking=True,
        help="Net sales + mall discount share - commission - shortfall - charges.",
    )
    sales_per_area = fields.Monetary(string="Sales per m²")
    rank_sales = fields.Integer(string="Rank by Sales")
    rank_area = fields.Integer(string="Rank by Sales per m²")
    priority_class = fields.Selection(
        PRIORITY_CLASSES, string="Payment Priority", default="e", required=True, tracking=True
    )
    state = fields.Selection(
        STATEMENT_STATES,
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    dispute_reason = fields.Text(tracking=True, copy=False)
    date_sent = fields.Datetime(string="Sent On", readonly=True, copy=False)
    supplier_confirmed_by_id = fields.Many2one(
        "res.users",
        string="Accepted By",
        readonly=True,
        copy=False,
        help="The supplier's contact who accepted the statement on the portal, or the "
        "finance user who accepted it on the supplier's behalf.",
    )
    supplier_confirmed_date = fields.Datetime(string="Accepted On", readonly=True, copy=False)
    supplier_confirmed_on_behalf = fields.Boolean(
        string="Accepted on the Supplier's Behalf",
        readonly=True,
        copy=False,
        help="Finance accepted the statement for the supplier (e.g. on a signed paper copy).",
    )
    date_confirmed = fields.Datetime(string="Posted On", readonly=True, copy=False)
    confirmed_by_id = fields.Many2one("res.users", string="Posted By", readonly=True, copy=False)
    vendor_bill_id = fields.Many2one("account.move", readonly=True, copy=False, check_company=True)
    customer_invoice_id = fields.Many2one(
        "account.move", readonly=True, copy=False, check_company=True
    )
    netting_move_id = fields.Many2one("account.move", readonly=True, copy=False, check_company=True)
    payment_id = fields.Many2one("account.payment", readonly=True, copy=False, check_company=True)
    invoice_received_date = fields.Datetime(
        string="Invoice Received On",
        readonly=True,
        copy=False,
        tracking=True,
        help="When the supplier's invoice was received: the order within a priority class "
        "of the payment queue.",
    )
    note = fields.Text()

    _sql_constraints = [
        (
            "period_contract_uniq",
            "EXCLUDE (period_id WITH =, contract_id WITH =) WHERE (adjustment_of_id IS NULL)",
            "A contract has one statement per period (adjustments aside).",
        ),
    ]

    # ------------------------------------------------------------------ computes
    @api.depends(
        "net_sales",
        "mall_discount_share",
        "commission",
        "shortfall",
        "adjustment_amount",
        "charge_ids.signed_amount",
    )
    def _compute_amounts(self):
        """Charges go on the customer invoice, credits (charge types credited to the
        supplier) on the vendor bill; both net to the payable amount."""
        for statement in self:
            charges = credits = Decimal(0)
            for charge in statement.charge_ids:
                signed = to_decimal(charge.signed_amount)
                if signed >= 0:
                    charges += signed
                else:
                    credits -= signed
            adjustment = to_decimal(statement.adjustment_amount)
            goods = to_decimal(statement.net_sales) + to_decimal(statement.mall_discount_share)
            goods += credits
            invoice = to_decimal(statement.commission) + to_decimal(statement.shortfall) + charges
            statement.charge_total = to_cents(charges - credits)
            statement.goods_total = to_cents(goods + max(adjustment, Decimal(0)))
            statement.invoice_total = to_cents(invoice - min(adjustment, Decimal(0)))
            statement.payable = to_cents(goods - invoice + adjustment)

    def _compute_commission_breakdown(self):
        for statement in self:
            brackets = statement._commission_brackets()
            statement.has_commission_brackets = bool(brackets)
            statement.commission_breakdown = (
                self.env["ir.qweb"]._render(
                    "mall_settlement.commission_brackets_table",
                    {"brackets": brackets, "currency": statement.currency_id},
                )
                if brackets
                else False
            )

    def _commission_base(self):
        """The net sales the contract's brackets apply to."""
        self.ensure_one()
        return self.net_sales

    def _commission_brackets(self):
        """The brackets behind the commission of a tiered contract (C9), by the terms in
        force at the period end: ``[{lower, upper, sales, rate, commission}]`` (upper
        None for the last bracket). Progressive: the sales within each bracket at its
        rate; whole amount: all sales at the rate of the bracket reached. Each bracket's
        commission is the difference of the rounded running totals, so they sum to the
        commission to the cent. Empty for a flat rate or an adjusting statement."""
        self.ensure_one()
        statement = self.sudo()
        if statement.adjustment_of_id or not statement.contract_id or not statement.period_id:
            return []
        terms = statement.contract_id._terms_batch(statement.date_to)[statement.contract_id.id]
        if terms.commission_mode == "flat" or not terms.tier_ids:
            return []
        amount = to_decimal(statement._commission_base())
        brackets = terms._brackets()
        uppers = [lower for lower, _rate in brackets[1:]] + [None]
        reached = 0
        for index, (lower, _rate) in enumerate(brackets):
            if amount >= lower:
                reached = index
        rows, running, previous = [], Decimal(0), Decimal(0)
        for index, ((lower, rate), upper) in enumerate(zip(brackets, uppers, strict=True)):
            if terms.commission_mode == "whole":
                sales = amount if index == reached else Decimal(0)
            else:
                top = amount if upper is None else min(amount, upper)
                sales = max(Decimal(0), top - lower)
            running += sales * rate / 100
            rounded = Decimal(str(to_cents(running)))
            rows.append(
                {
                    "lower": float(lower),
                    "upper": float(upper) if upper is not None else None,
                    "sales": float(sales),
                    "rate": float(rate),
                    "commission": float(rounded - previous),
                }
            )
            previous = rounded
        return rows

    def _get_report_base_filename(self):
        """The file name of the downloaded 结算单 PDF (portal download link)."""
        self.ensure_one()
        return f"结算单 {self.name.replace('/', '-')}"

    def _compute_access_url(self):
        result = super()._compute_access_url()
        for statement in self:
            statement.access_url = f"/my/settlements/{statement.id}"
        return result

    # ------------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        periods = self.env["mall.settlement.period"].browse(
            [vals["period_id"] for vals in vals_list if vals.get("period_id")]
        )
        closed = periods.filtered(lambda p: p.state == "closed")
        if closed:
            raise UserError(
                self.env._(
                    "Settlement period %(period)s is closed: it takes no new statement.",
                    period=closed[0].name,
                )
            )
        contracts = self.env["mall.contract"].browse(
            [vals["contract_id"] for vals in vals_list if vals.get("contract_id")]
        )
        contracts.mapped("name")
        for vals in vals_list:
            contract = self.env["mall.contract"].browse(vals.get("contract_id")).sudo()
            adjusting = vals.get("adjustment_of_id") or self.env.context.get(
                "default_adjustment_of_id"
            )
            if (
                contract
                and not adjusting
                and (contract.contract_type != "consignment" or contract.state not in SIGNED_STATES)
            ):
                raise UserError(
                    self.env._(
                        "Contract %(contract)s is not a signed consignment contract: it has no "
                        "settlement statement.",
                        contract=contract.name,
                    )
                )
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                period = self.env["mall.settlement.period"].browse(vals.get("period_id"))
                contract = self.env["mall.contract"].browse(vals.get("contract_id"))
                suffix = "/ADJ" if vals.get("adjustment_of_id") else ""
                vals["name"] = f"{period.name}/{contract.name}{suffix}"
            if vals.get("contract_id") and not vals.get("partner_id"):
                vals["partner_id"] = (
                    self.env["mall.contract"].browse(vals["contract_id"]).partner_id.id
                )
        return super().create(vals_list)

    def write(self, vals):
        frozen = set(self.FIGURE_FIELDS) & set(vals)
        if frozen:
            locked = self.filtered(lambda s: s.state != "draft")
            if locked:
                raise UserError(
                    self.env._(
                        "Statement %(statement)s is %(state)s: its figures no longer change. "
                        "Correct it with an adjusting statement in a later period.",
                        statement=locked[0].name,
                        state=selection_label(locked[0], "state"),
                    )
                )
        return super().write(vals)

    def unlink(self):
        if any(statement.state != "draft" for statement in self):
            raise UserError(self.env._("Only draft statements can be deleted."))
        self.charge_ids.filtered("generated").unlink()
        return super().unlink()

    def _write_changed(self, vals):
        """Write the values of ``vals`` that differ from the statement's (a draft
        prepared again mostly keeps its figures): the per-field work of the ORM write,
        and the tracking of what changed, only for what changed."""
        self.ensure_one()
        changed = {}
        for name, value in vals.items():
            field = self._fields[name]
            if field.type in ("one2many", "many2many"):
                changed[name] = value
                continue
            current = self[name]
            if field.type == "many2one":
                current = current.id
            if current != value and (current or value):
                changed[name] = value
        if changed:
            self.write(changed)

    # ------------------------------------------------------------------ figures (hooks)
    # Each hook fills the statements it is called on (the draft statements of one period
    # being prepared) and returns {statement id: values}. Promotions may override them.
    def _prepare_sales_figures(self, sales):
        """T2: {statement id: {net_sales, returns_total, discount_total}} from the ledger
        totals ``sales`` of ``mall.sale.line._sales_totals`` ({contract id: {amount,
        discount, returns}}): net sales after customer returns."""
        empty = {"amount": 0.0, "discount": 0.0, "returns": 0.0}
        result = {}
        for statement in self:
            totals = sales.get(statement.contract_id.id, empty)
            result[statement.id] = {
                "net_sales": to_cents(to_decimal(totals["amount"])),
                "returns_total": to_cents(to_decimal(totals["returns"])),
                "discount_total": to_cents(to_decimal(totals["discount"])),
            }
        return result

    def _commission_figures(self, figures, terms):
        """T3/T4: {statement id: {commission, shortfall, base_rate, monthly_target}} by
        the terms in force at the period end (``terms``: {contract id: terms record})."""
        result = {}
        for period, statements in self.grouped("period_id").items():
            commissions = statements.contract_id._compute_commission_batch(
                {s.contract_id.id: figures[s.id]["net_sales"] for s in statements},
                period.date_to,
            )
            for statement in statements:
                term = terms[statement.contract_id.id]
                result[statement.id] = {
                    "commission": commissions[statement.contract_id.id],
                    "shortfall": self._shortfall(figures[statement.id]["net_sales"], term),
                    "base_rate": term._base_rate(),
                    "monthly_target": term.monthly_target,
                }
        return result

    @api.model
    def _shortfall(self, net_sales, term):
        """T4: max(0, monthly target - net sales) × the base rate of ``term``."""
        gap = max(Decimal(0), to_decimal(term.monthly_target) - to_decimal(net_sales))
        return to_cents(gap * to_decimal(term._base_rate()) / 100)

    def _discount_share(self, figures, terms):
        """T6: {statement id: {discount_share_ratio, mall_discount_share}}."""
        result = {}
        for statement in self:
            ratio = terms[statement.contract_id.id].discount_share_ratio
            discount = to_decimal(figures[statement.id]["discount_total"])
            result[statement.id] = {
                "discount_share_ratio": ratio,
                "mall_discount_share": to_cents(
                    discount * (Decimal(100) - to_decimal(ratio)) / 100
                ),
            }
        return result

    def _sponsorship_due(self, term):
        """Whether the sponsorship fee of ``term`` is due in this statement's period:
        once (the period containing the contract's start), monthly, or yearly (the period
        containing the start date or one of its anniversaries)."""
        self.ensure_one()
        period, start = self.period_id, self.contract_id.date_start
        frequency = term.sponsorship_frequency or "monthly"
        if frequency == "monthly":
            return True
        if not start or start > period.date_to:
            return False
        if frequency == "once":
            return period.date_from <= start
        years = range(period.date_to.year - start.year + 1)
        return any(
            period.date_from <= start + relativedelta(years=n) <= period.date_to for n in years
        )

    def _generated_charges(self, figures, terms):
        """T5: {statement id: [(charge type code, amount, description)]} generated from
        the terms in force at the period end: rebate (rate × net sales), monthly staff
        wages and the sponsorship fee by its frequency."""
        _ = self.env._
        result = {}
        for statement in self:
            term = terms[statement.contract_id.id]
            lines = []
            rebate = to_cents(
                to_decimal(figures[statement.id]["net_sales"]) * to_decimal(term.rebate_rate) / 100
            )
            if rebate > 0:
                lines.append(("rebate", rebate, _("Rebate %(rate)s%%", rate=term.rebate_rate)))
            if term.staff_wage_cost:
                lines.append(("staff_wage", term.staff_wage_cost, _("Monthly staff wages")))
            if term.sponsorship_fee and statement._sponsorship_due(term):
                lines.append(
                    (
                        "sponsorship",
                        term.sponsorship_fee,
                        _(
                            "Sponsorship fee (%(frequency)s)",
                            frequency=selection_label(term, "sponsorship_frequency"),
                        ),
                    )
                )
            result[statement.id] = lines
        return result

    @api.model
    def _priority_classes(self, period, contracts, net_sales):
        """T9: {contract id: (class, rank by sales, rank by sales per m², sales per m²)}.
        (a) the top 20% (rounded up) by net sales or by sales per m², then (b)
        representative brands, (c) brands introduced within 12 months of the period end,
        (d) promising brands, (e) the rest."""
        top = math.ceil(len(contracts) * 0.2)
        per_area = {
            c.id: (
                to_cents(to_decimal(net_sales.get(c.id, 0.0)) / to_decimal(c.counter_area))
                if c.counter_area
                else 0.0
            )
            for c in contracts
        }
        by_sales = sorted(contracts.ids, key=lambda cid: (-net_sales.get(cid, 0.0), cid))
        by_area = sorted(contracts.ids, key=lambda cid: (-per_area[cid], cid))
        rank_sales = {cid: rank for rank, cid in enumerate(by_sales, 1)}
        rank_area = {cid: rank for rank, cid in enumerate(by_area, 1)}
        horizon = period.date_to - relativedelta(months=12)
        result = {}
        for contract in contracts:
            brand = contract.brand_id
            if rank_sales[contract.id] <= top or rank_area[contract.id] <= top:
                klass = "a"
            elif brand.representative:
                klass = "b"
            elif brand.date_introduced and brand.date_introduced > horizon:
                klass = "c"
            elif brand.promising:
                klass = "d"
            else:
                klass = "e"
            result[contract.id] = (
                klass,
                rank_sales[contract.id],
                rank_area[contract.id],
                per_area[contract.id],
            )
        return result

    # ------------------------------------------------------------------ workflow
    def _raise_if_not(self, states, message):
        for statement in self:
            if statement.state not in states:
                raise UserError(message % {"statement": statement.name})

    def _check_finance(self):
        self._check_role(FINANCE_GROUP)

    def _is_supplier_user(self):
        """Whether the current user is a portal contact of every statement's supplier
        (and may read them: the portal rule hides drafts)."""
        user = self.env.user
        if not user.share or not self:
            return False
        self.check_access("read")
        supplier = user.commercial_partner_id
        return all(s.partner_id.commercial_partner_id == supplier for s in self)

    def _check_supplier_or_role(self, *groups):
        """The supplier's own portal contact, or an internal user of ``groups``.
        Returns True when the supplier acts itself."""
        if not self.env.su and self.env.user.share:
            if not self._is_supplier_user():
                raise AccessError(self.env._("Only the supplier of this statement may do this."))
            return True
        self._check_role(*groups)
        return False

    def _format_money(self, amount):
        self.ensure_one()
        return format_money(self.env, amount, self.currency_id)

    def action_send(self):
        """Draft → sent: the supplier sees the statement on the portal. Refused when
        takings or charges were recorded since the preparation (prepare again first)."""
        self._check_role(ACCOUNTANT_GROUP)
        self._raise_if_not(
            ("draft",), self.env._("Statement %(statement)s is not a draft: it cannot be sent.")
        )
        self._raise_if_outdated()
        self._workflow_write({"state": "sent", "date_sent": fields.Datetime.now()})
        for statement in self:
            statement._portal_ensure_token()
            statement._send_mail_to_supplier()
        return True

    def _settlement_mail_from(self):
        """The sender of the statement e-mail: the company's address (Odoo falls back on
        the catchall address), else the user's, else the mail server's default; never
        nothing, so a user without an e-mail address can send statements."""
        self.ensure_one()
        return (
            self.company_id.email_formatted
            or self.env.user.email_formatted
            or self.env["ir.mail_server"].sudo()._get_default_from_address()
            or ""
        )

    def _settlement_mail_partners(self):
        """The supplier's contacts with an e-mail address, else the supplier itself
        when it has one."""
        self.ensure_one()
        supplier = self.partner_id.commercial_partner_id.sudo()
        contacts = supplier.child_ids.filtered(
            lambda c: c.email and c.type in ("contact", "invoice", "other")
        )
        if not contacts and supplier.email:
            contacts = supplier
        return contacts.sudo(False)

    def _send_mail_to_supplier(self):
        """E-mail the sent statement to the supplier's contacts through the mail
        template (in the supplier's language, with the 结算单 PDF and the portal link),
        posted on the statement's chatter. Without a contact e-mail a note says so: the
        statement stays on the portal."""
        self.ensure_one()
        partners = self._settlement_mail_partners()
        if not partners:
            self._message_log(
                body=self.env._(
                    "No e-mail was sent: %(supplier)s has no contact with an e-mail address. "
                    "The statement is on the supplier portal.",
                    supplier=self.partner_id.display_name,
                ),
            )
            return self.env["mail.message"]
        template = self.env.ref("mall_settlement.mail_template_statement_sent")
        email_from = self._settlement_mail_from()
        # Without any sender address Odoo refuses to post as the user: post as superuser
        # then (the mail server's own address sends it).
        record = self if email_from else self.sudo()
        # queued, sent by the mail queue's cron: a mail server problem never blocks sending
        record = record.with_context(mail_notify_force_send=False)
        return record.message_post_with_source(
            template,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=partners.ids,
            email_from=email_from,
            author_id=self.env.user.partner_id.id,
        )

    def _portal_sales_detail(self):
        """The statement's sales for its supplier: ``{"days": [(date, net sales,
        returns, till discounts)], "counters": [(counter name, net sales, till
        discounts)]}`` over the period, from the ledger through
        ``mall.sale.line._sales_totals(by_date=True)`` and an ORM grouping by counter.
        Empty for an adjusting statement (it carries no sales)."""
        self.ensure_one()
        if self.adjustment_of_id:
            return {"days": [], "counters": []}
        statement = self.sudo()
        contract = statement.contract_id
        SaleLine = self.env["mall.sale.line"].sudo()
        daily = SaleLine._sales_totals(
            statement.company_id,
            statement.date_from,
            statement.date_to,
            contracts=contract,
            by_date=True,
        )
        days = sorted(
            (day, row["amount"], row["returns"], row["discount"])
            for (_contract_id, day), row in daily.items()
        )
        groups = SaleLine._read_group(
            [
                ("company_id", "=", statement.company_id.id),
                ("contract_id", "=", contract.id),
                ("date", ">=", statement.date_from),
                ("date", "<=", statement.date_to),
            ],
            ["counter_id"],
            ["amount:sum", "discount_amount:sum"],
        )
        counters = sorted(
            (counter.display_name, amount, discount) for counter, amount, discount in groups
        )
        return {"days": days, "counters": counters}

    def _raise_if_outdated(self):
        """A draft statement must carry the period's takings and open charges as they are
        now, or they would fall between two statements (T2)."""
        regular = self.filtered(lambda s: not s.adjustment_of_id)
        Charge = self.env["mall.supplier.charge"].sudo()
        for period, statements in regular.grouped("period_id").items():
            totals = self.env["mall.sale.line"]._sales_totals(
                period.company_id,
                period.date_from,
                period.date_to,
                contracts=statements.contract_id,
            )
            loose = Charge.search(
                [
                    ("contract_id", "in", statements.contract_id.ids),
                    ("date", ">=", period.date_from),
                    ("date", "<=", period.date_to),
                    ("statement_id", "=", False),
                ]
            )
            for statement in statements:
                ledger = totals.get(statement.contract_id.id, {"amount": 0.0, "discount": 0.0})
                if (
                    statement.currency_id.compare_amounts(ledger["amount"], statement.net_sales)
                    or statement.currency_id.compare_amounts(
                        ledger["discount"], statement.discount_total
                    )
                    or statement.contract_id in loose.contract_id
                ):
                    raise UserError(
                        self.env._(
                            "Statement %(statement)s is out of date: takings or charges were "
                            "recorded since period %(period)s was prepared. Click Prepare "
                            "Statements on the period again, then send it.",
                            statement=statement.name,
                            period=period.name,
                        )
                    )

    def action_dispute(self, reason=None):
        """Sent → disputed, with the supplier's reason (required): by the supplier on the
        portal, or recorded by the floor accountant or finance."""
        by_supplier = self._check_supplier_or_role(ACCOUNTANT_GROUP, FINANCE_GROUP)
        self._raise_if_not(
            ("sent",),
            self.env._("Statement %(statement)s is not awaiting the supplier: nothing to dispute."),
        )
        for statement in self:
            text = (reason or statement.dispute_reason or "").strip()
            if not text:
                raise UserError(
                    self.env._(
                        "Statement %(statement)s: give the reason of the dispute.",
                        statement=statement.name,
                    )
                )
            statement.sudo()._workflow_write({"state": "disputed", "dispute_reason": text})
            statement.sudo().message_post(
                body=self.env._(
                    "Disputed by %(user)s: %(reason)s", user=self.env.user.name, reason=text
                ),
                author_id=self.env.user.partner_id.id,
                message_type="comment",
                subtype_xmlid="mail.mt_note",
            )
        return by_supplier

    def action_supplier_confirm(self):
        """Sent → accepted by the supplier (T10, first step): by the supplier's own portal
        contact, or by finance on the supplier's behalf (recorded as such). Posting is a
        second step (``action_confirm``)."""
        by_supplier = self._check_supplier_or_role(FINANCE_GROUP)
        self._raise_if_not(
            ("sent",),
            self.env._("Statement %(statement)s is not awaiting the supplier's acceptance."),
        )
        self.sudo()._workflow_write(
            {
                "state": "supplier_confirmed",
                "supplier_confirmed_by_id": self.env.uid,
                "supplier_confirmed_date": fields.Datetime.now(),
                "supplier_confirmed_on_behalf": not by_supplier,
            }
        )
        for statement in self:
            body = (
                self.env._("Accepted by the supplier (%(user)s).", user=self.env.user.name)
                if by_supplier
                else self.env._(
                    "Accepted by %(user)s on the supplier's behalf.", user=self.env.user.name
                )
            )
            statement.sudo().message_post(
                body=body,
                author_id=self.env.user.partner_id.id,
                message_type="comment",
                subtype_xmlid="mail.mt_note",
            )
        return True

    def action_reset_draft(self):
        """Sent, disputed or accepted (not posted) → draft, to correct the figures and
        send again; the supplier's acceptance is cleared."""
        self._check_role(ACCOUNTANT_GROUP)
        self._raise_if_not(
            ("sent", "disputed", "supplier_confirmed"),
            self.env._("Statement %(statement)s cannot go back to draft."),
        )
        self._workflow_write(
            {
                "state": "draft",
                "supplier_confirmed_by_id": False,
                "supplier_confirmed_date": False,
                "supplier_confirmed_on_behalf": False,
            }
        )
        return True

    def _lock_for_confirm(self):
        """Lock the rows (NOWAIT) so two users confirming at once cannot both post, then
        re-read the state under the lock."""
        try:
            with self.env.cr.savepoint(flush=False):
                self.env.cr.execute(
                    "SELECT id FROM mall_settlement_statement WHERE id IN %s "
                    "ORDER BY id FOR UPDATE NOWAIT",
                    [tuple(self.ids)],
                )
        except psycopg2.errors.LockNotAvailable:
            raise UserError(
                self.env._("These statements are being confirmed by another user: try again.")
            ) from None
        self.invalidate_recordset(["state", "vendor_bill_id", "customer_invoice_id"])

    def action_confirm(self):
        """T8 (second step, finance): accepted by the supplier → posted; post one vendor
        bill for the goods and one customer invoice for commission, shortfall and
        charges, all statements in one batch."""
        self._check_finance()
        if not self:
            return True
        self._lock_for_confirm()
        for statement in self:
            if statement.vendor_bill_id or statement.customer_invoice_id:
                raise UserError(
                    self.env._(
                        "Statement %(statement)s is already posted: its bill and invoice exist.",
                        statement=statement.name,
                    )
                )
            if statement.state != "supplier_confirmed":
                raise UserError(
                    self.env._(
                        "Statement %(statement)s must be accepted by the supplier (on the "
                        "portal, or by finance on its behalf) before it is posted (it is "
                        "%(state)s).",
                        statement=statement.name,
                        state=selection_label(statement, "state"),
                    )
                )
        with workflow_action():
            self._create_moves(
                {
                    "state": "confirmed",
                    "date_confirmed": fields.Datetime.now(),
                    "confirmed_by_id": self.env.uid,
                }
            )
        return True

    def _move_line(self, product, name, amount, account=None):
        vals = {"product_id": product.id, "name": name, "quantity": 1.0, "price_unit": amount}
        if account:
            vals["account_id"] = account.id
        return fields.Command.create(vals)

    def _charge_line(self, charge):
        charge_type = charge.charge_type_id
        label = f"{charge_type.name} {charge.description or ''} {self.name}".strip()
        return self._move_line(
            charge_type.product_id, label, charge.amount, charge_type.account_id or None
        )

    def _vendor_bill_lines(self):
        """T8: the goods (net sales and the mall's share of till discounts), credits to
        the supplier and a positive adjustment."""
        self.ensure_one()
        _ = self.env._
        product = self.company_id._mall_settlement_product("goods")
        lines = []
        if self.net_sales:
            lines.append(
                self._move_line(product, _("Net sales %(name)s", name=self.name), self.net_sales)
            )
        if self.mall_discount_share:
            lines.append(
                self._move_line(
                    product,
                    _("Mall share of till discounts %(name)s", name=self.name),
                    self.mall_discount_share,
                )
            )
        for charge in self.charge_ids.sorted(lambda c: (c.date, c.id)):
            if charge.signed_amount < 0:
                lines.append(self._charge_line(charge))
        if self.adjustment_amount > 0:
            lines.append(
                self._move_line(
                    product, _("Adjustment %(name)s", name=self.name), self.adjustment_amount
                )
            )
        return lines

    def _customer_invoice_lines(self):
        """T8: commission, shortfall, the charges and a negative adjustment."""
        self.ensure_one()
        _ = self.env._
        company = self.company_id
        lines = []
        if self.commission:
            lines.append(
                self._move_line(
                    company._mall_settlement_product("commission"),
                    _("Commission %(name)s", name=self.name),
                    self.commission,
                )
            )
        if self.shortfall:
            lines.append(
                self._move_line(
                    company._mall_settlement_product("shortfall"),
                    _("Sales target shortfall %(name)s", name=self.name),
                    self.shortfall,
                )
            )
        for charge in self.charge_ids.sorted(lambda c: (c.date, c.id)):
            if charge.signed_amount > 0:
                lines.append(self._charge_line(charge))
        if self.adjustment_amount < 0:
            lines.append(
                self._move_line(
                    company._mall_settlement_product("commission"),
                    _("Adjustment %(name)s", name=self.name),
                    -self.adjustment_amount,
                )
            )
        return lines

    @api.model
    def _with_tax(self, lines, tax):
        """The line commands of one document with the settlement VAT ``tax`` (included in
        the amounts, so the total does not change); without a tax they keep the product's
        taxes, as before taxes were configured."""
        if tax:
            for _command, _id, vals in lines:
                vals["tax_ids"] = [fields.Command.set(tax.ids)]
        return lines

    @api.model
    def _with_accounting(self, lines, move_type, journal, analytic_models):
        """The line commands of one document with what Odoo's line synchronisation would
        write one line at a time after creating the document: the amounts, the price in
        the company's currency, debit on a bill and credit on an invoice (a line with taxes
        gets its amounts recomputed by Odoo all the same, as the price may include the tax,
        and rewritten only if they differ; left to Odoo when the journal keeps another
        currency). Without ``analytic_models`` (no analytic distribution model in the
        company) the lines have no analytic distribution, which Odoo would otherwise look
        up for each line."""
        company_currency = journal.company_id.currency_id
        foreign = journal.currency_id and journal.currency_id != company_currency
        sign = -1 if move_type in self.env["account.move"].get_inbound_types() else 1
        for _command, _id, vals in lines:
            if not foreign:
                amount = company_currency.round(sign * vals["price_unit"] * vals["quantity"])
                vals.update(amount_currency=amount, balance=amount)
            if not analytic_models:
                vals["analytic_distribution"] = False
        return lines

    def _moves_vals(self):
        """[(statement, field, account.move values)]: the vendor bill and the customer
        invoice of each statement that has lines."""
        today = fields.Date.context_today(self)
        journals, analytic_models = {}, {}
        result = []
        for statement in self:
            company = statement.company_id
            for kind in ("purchase", "sale"):
                if (company, kind) not in journals:
                    journals[company, kind] = company._mall_settlement_journal(kind)
            common = {
                "partner_id": statement.partner_id.id,
                "company_id": company.id,
                "invoice_date": today,
                "date": today,
                "invoice_origin": statement.name,
                "ref": statement.name,
            }
            if company not in analytic_models:
                analytic_models[company] = bool(
                    self.env["account.analytic.distribution.model"].search_count(
                        [("company_id", "in", [company.id, False])], limit=1
                    )
                )
            goods_tax, service_tax = company._mall_settlement_taxes()
            for field, move_type, kind, lines in (
                (
                    "vendor_bill_id",
                    "in_invoice",
                    "purchase",
                    self._with_tax(statement._vendor_bill_lines(), goods_tax),
                ),
                (
                    "customer_invoice_id",
                    "out_invoice",
                    "sale",
                    self._with_tax(statement._customer_invoice_lines(), service_tax),
                ),
            ):
                if lines:
                    self._with_accounting(
                        lines, move_type, journals[company, kind], analytic_models[company]
                    )
                    result.append(
                        (
                            statement,
                            field,
                            {
                                **common,
                                "move_type": move_type,
                                "journal_id": journals[company, kind].id,
                                # what Odoo's posting sets, given here: no write per document
                                "checked": journals[company, kind].autocheck_on_post,
                                "invoice_line_ids": lines,
                            },
                        )
                    )
        return result

    def _move_context(self):
        """Context of the documents' creation and posting: no creation message and no
        subscription of the poster, the batch's shortcuts of account.move (see its
        ``write``); mail tracking off too unless a company keeps Odoo's audit trail (which
        is made of that tracking)."""
        context = {
            "mail_create_nolog": True,
            "mail_create_nosubscribe": True,
            BATCH_CONTEXT: True,
        }
        if not any(self.company_id.mapped("check_account_audit_trail")):
            context.update(tracking_disable=True, mail_notrack=True)
        return context

    def _create_moves(self, vals):
        """Create and post every bill and invoice in one batch (see ``_post_moves``), then
        one write of ``vals`` for every statement and one UPDATE linking each statement to
        its documents. Should a document be posted in one of the journals at the same
        moment, the batch numbering is undone and Odoo numbers the documents one by one."""
        todo = self._moves_vals()
        try:
            with self.env.cr.savepoint(), mute_logger("odoo.sql_db"):
                moves = self._post_moves(todo, batch_numbers=True)
        except psycopg2.errors.UniqueViolation:
            moves = self._post_moves(todo, batch_numbers=False)
        self._workflow_write(vals)
        links = {statement.id: [statement.id, None, None] for statement in self}
        for (statement, field, _vals), move in zip(todo, moves, strict=True):
            links[statement.id][1 if field == "vendor_bill_id" else 2] = move.id
        self._link_moves(list(links.values()))
        return moves

    @api.model
    def _post_moves(self, todo, batch_numbers):
        """One account.move create() for the documents of ``todo`` (see ``_moves_vals``)
        and one _post(), numbered in a batch when ``batch_numbers``. The supplier follows
        its documents as after Odoo's own posting, inserted with them instead of one
        subscription per document."""
        values = [move_vals for _statement, _field, move_vals in todo]
        if batch_numbers:  # numbered below, not one by one while drafts are created
            values = [{**move_vals, "name": "/"} for move_vals in values]
        Move = self.env["account.move"].with_context(**self._move_context())
        moves = Move.create(Move._with_batch_defaults(values))
        # as Odoo's _insert_followers does (sudo), for every document at once
        external = self.env["mail.message.subtype"]._default_subtypes("account.move")[2]
        self.env["mail.followers"].sudo().create(
            [
                {
                    "res_model": "account.move",
                    "res_id": move.id,
                    "partner_id": move.partner_id.id,
                    "subtype_ids": [fields.Command.set(external)],
                }
                for move in moves
                if move.partner_id not in move.sudo().message_partner_ids
            ]
        )
        if batch_numbers:
            moves._number_in_batch()
        # Odoo's posting sets each document's "checked" to its journal's autocheck_on_post
        # with one write per document; the documents were created with that value, so the
        # assignment is kept to the cache (the way a computation's results are)
        with self.env.protecting([moves._fields["checked"]], moves):
            moves._post(soft=False)
        return moves

    def _link_moves(self, rows):
        """Set vendor_bill_id and customer_invoice_id of many statements in one UPDATE
        (``rows``: [statement id, bill id, invoice id]); the ORM is told what changed."""
        self.env.flush_all()
        self.env.cr.execute(
            """
            UPDATE mall_settlement_statement s
               SET vendor_bill_id = v.bill, customer_invoice_id = v.invoice
              FROM (SELECT unnest(%s::int[]) AS id, unnest(%s::int[]) AS bill,
                           unnest(%s::int[]) AS invoice) v
             WHERE s.id = v.id
            """,
            [[row[0] for row in rows], [row[1] for row in rows], [row[2] for row in rows]],
        )
        statements = self.browse([row[0] for row in rows])
        fnames = ["vendor_bill_id", "customer_invoice_id"]
        statements.invalidate_recordset(fnames)
        statements.modified(fnames)

    def action_register_invoice(self):
        """T9: the supplier's invoice is received: the statement joins the payment queue."""
        self._check_finance()
        self._raise_if_not(
            ("confirmed",),
            self.env._(
                "Statement %(statement)s must be posted before the supplier's invoice is "
                "registered."
            ),
        )
        self._workflow_write({"state": "invoiced", "invoice_received_date": fields.Datetime.now()})
        return True

    def action_create_adjustment(self):
        """Open a new adjusting statement for this confirmed one: the amount difference
        goes into a later open period (a confirmed statement never changes)."""
        self.ensure_one()
        self._check_role(ACCOUNTANT_GROUP)
        self._raise_if_not(
            POSTED_STATES,
            self.env._("Only a posted statement is corrected by an adjustment."),
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "view_mode": "form",
            "target": "current",
            "context": {
                "default_adjustment_of_id": self.id,
                "default_contract_id": self.contract_id.id,
                "default_partner_id": self.partner_id.id,
            },
        }

    # ------------------------------------------------------------------ payment
    def _payment_queue_domain(self, company):
        return [("company_id", "=", company.id), ("state", "=", "invoiced"), ("payable", ">=", 0)]

    def _pay(self, journal):
        """Pay one statement whole: offset the customer invoice against the vendor bill
        with a netting entry (payable debit / receivable credit, both reconciled), then
        register one outbound payment of the remaining bill amount, which is P."""
        self.ensure_one()
        bill, invoice = self.vendor_bill_id, self.customer_invoice_id
        company = self.company_id
        today = fields.Date.context_today(self)
        if bill and invoice:
            payable_line = bill.line_ids.filtered(
                lambda line: line.account_type == "liability_payable" and not line.reconciled
            )
            receivable_line = invoice.line_ids.filtered(
                lambda line: line.account_type == "asset_receivable" and not line.reconciled
            )
            amount = min(
                -sum(payable_line.mapped("amount_residual")),
                sum(receivable_line.mapped("amount_residual")),
            )
            if amount > 0:
                partner = bill.commercial_partner_id
                label = self.env._("Netting %(name)s", name=self.name)
                netting = self.env["account.move"].create(
                    {
                        "move_type": "entry",
                        "journal_id": company._mall_settlement_journal("general").id,
                        "date": today,
                        "ref": label,
                        "company_id": company.id,
                        "line_ids": [
                            fields.Command.create(
                                {
                                    "name": label,
                                    "account_id": payable_line[0].account_id.id,
                                    "partner_id": partner.id,
                                    "debit": amount,
                                }
                            ),
                            fields.Command.create(
                                {
                                    "name": label,
                                    "account_id": receivable_line[0].account_id.id,
                                    "partner_id": partner.id,
                                    "credit": amount,
                                }
                            ),
                        ],
                    }
                )
                netting.action_post()
                for line in payable_line | receivable_line:
                    (
                        line
                        | netting.line_ids.filtered(
                            lambda nl, acc=line.account_id: nl.account_id == acc
                        )
                    ).reconcile()
                self._workflow_write({"netting_move_id": netting.id})
        payment = self.env["account.payment"]
        if bill and bill.amount_residual:
            payment = (
                self.env["account.payment.register"]
                .with_context(active_model="account.move", active_ids=bill.ids)
                .create({"journal_id": journal.id, "payment_date": today})
                ._create_payments()
            )
        self._workflow_write({"state": "paid", "payment_id": payment[:1].id})
        # a note, not a post: the cashier's run never needs the user's e-mail address
        self._message_log(
            body=self.env._("Paid %(amount)s.", amount=self._format_money(self.payable)),
            message_type="comment",
        )
        return payment
