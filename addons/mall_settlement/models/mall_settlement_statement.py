import math
from decimal import Decimal

import psycopg2
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.mall_consignment.models.mall_contract_terms import to_cents, to_decimal
from odoo.addons.marketing_base.models.common import selection_label

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
    ("confirmed", "Confirmed"),
    ("invoiced", "Invoice Received"),
    ("paid", "Paid"),
]
POSTED_STATES = ("confirmed", "invoiced", "paid")
FINANCE_GROUP = "account.group_account_invoice"


class MallSettlementStatement(models.Model):
    """One supplier's settlement of one period (T2-T8): what the mall owes for the
    goods sold at the counters, less commission, shortfall and charges."""

    _name = "mall.settlement.statement"
    _description = "Settlement Statement"
    _inherit = ["portal.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "id desc"

    # Figures a statement keeps once it has left the draft state (T8).
    FIGURE_FIELDS = (
        "period_id",
        "contract_id",
        "partner_id",
        "net_sales",
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
    )
    company_id = fields.Many2one(related="period_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    date_from = fields.Date(related="period_id.date_from")
    date_to = fields.Date(related="period_id.date_to")
    contract_id = fields.Many2one(
        "mall.contract", string="Contract", required=True, index=True, tracking=True
    )
    partner_id = fields.Many2one(
        "res.partner", string="Supplier", required=True, index=True, tracking=True
    )
    brand_id = fields.Many2one(related="contract_id.brand_id", store=True, string="Brand")
    counter_area = fields.Float(string="Counter Area (m²)", digits=(12, 2))
    net_sales = fields.Monetary(string="Net Sales", tracking=True, help="T2: ledger amounts.")
    discount_total = fields.Monetary(string="Till Discounts", help="T2: till discounts given.")
    discount_share_ratio = fields.Float(
        string="Supplier Discount Share (%)", digits=(5, 2), help="s of the terms in force."
    )
    mall_discount_share = fields.Monetary(
        string="Mall Discount Share", tracking=True, help="T6: (1 - s) × till discounts."
    )
    base_rate = fields.Float(string="Base Rate (%)", digits=(5, 2))
    commission = fields.Monetary(tracking=True, help="T3: by the terms in force.")
    monthly_target = fields.Monetary(string="Monthly Target")
    shortfall = fields.Monetary(tracking=True, help="T4: max(0, target - net sales) × base rate.")
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
        help="T8: net sales + mall discount share (+ a positive adjustment).",
    )
    invoice_total = fields.Monetary(
        string="Customer Invoice Total",
        compute="_compute_amounts",
        store=True,
        help="T8: commission + shortfall + charges (- a negative adjustment).",
    )
    payable = fields.Monetary(
        compute="_compute_amounts",
        store=True,
        tracking=True,
        help="T7: net sales + mall discount share - commission - shortfall - charges.",
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
    date_confirmed = fields.Datetime(string="Confirmed On", readonly=True, copy=False)
    confirmed_by_id = fields.Many2one("res.users", string="Confirmed By", readonly=True, copy=False)
    vendor_bill_id = fields.Many2one("account.move", readonly=True, copy=False)
    customer_invoice_id = fields.Many2one("account.move", readonly=True, copy=False)
    netting_move_id = fields.Many2one("account.move", readonly=True, copy=False)
    payment_id = fields.Many2one("account.payment", readonly=True, copy=False)
    invoice_received_date = fields.Datetime(
        string="Invoice Received On",
        readonly=True,
        copy=False,
        tracking=True,
        help="When the supplier's invoice was received: the order within a priority class "
        "of the payment queue (T9).",
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
        "charge_ids.amount",
    )
    def _compute_amounts(self):
        for statement in self:
            charges = sum((to_decimal(c.amount) for c in statement.charge_ids), Decimal(0))
            adjustment = to_decimal(statement.adjustment_amount)
            goods = to_decimal(statement.net_sales) + to_decimal(statement.mall_discount_share)
            invoice = to_decimal(statement.commission) + to_decimal(statement.shortfall) + charges
            statement.charge_total = to_cents(charges)
            statement.goods_total = to_cents(goods + max(adjustment, Decimal(0)))
            statement.invoice_total = to_cents(invoice - min(adjustment, Decimal(0)))
            statement.payable = to_cents(goods - invoice + adjustment)

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

    # ------------------------------------------------------------------ figures (hooks)
    @api.model
    def _prepare_sales_figures(self, period, contracts, sales):
        """{contract id: {net_sales, discount_total}} from the ledger totals ``sales``
        ({contract id: (amount, discount)}). Hook: promotions may split sales here."""
        return {
            contract.id: {
                "net_sales": to_cents(to_decimal(sales.get(contract.id, (0, 0))[0])),
                "discount_total": to_cents(to_decimal(sales.get(contract.id, (0, 0))[1])),
            }
            for contract in contracts
        }

    @api.model
    def _commission_figures(self, period, contracts, figures, terms):
        """T3/T4: {contract id: {commission, shortfall, base_rate, monthly_target}}.
        Hook: promotions may apply per-promotion commission rates."""
        commissions = contracts._compute_commission_batch(
            {cid: values["net_sales"] for cid, values in figures.items()}, period.date_to
        )
        result = {}
        for contract in contracts:
            term = terms[contract.id]
            net = to_decimal(figures[contract.id]["net_sales"])
            base_rate = term._base_rate()
            target = to_decimal(term.monthly_target)
            gap = max(Decimal(0), target - net)
            result[contract.id] = {
                "commission": commissions[contract.id],
                "shortfall": to_cents(gap * to_decimal(base_rate) / 100),
                "base_rate": base_rate,
                "monthly_target": term.monthly_target,
            }
        return result

    @api.model
    def _discount_share(self, period, contracts, figures, terms):
        """T6: {contract id: {discount_share_ratio, mall_discount_share}}. Hook: promotions
        may apply per-promotion sharing ratios."""
        result = {}
        for contract in contracts:
            ratio = terms[contract.id].discount_share_ratio
            discount = to_decimal(figures[contract.id]["discount_total"])
            result[contract.id] = {
                "discount_share_ratio": ratio,
                "mall_discount_share": to_cents(
                    discount * (Decimal(100) - to_decimal(ratio)) / 100
                ),
            }
        return result

    @api.model
    def _generated_charges(self, period, contracts, figures, terms):
        """T5: {contract id: [(charge type, amount, description)]} generated from the terms
        in force at the period end: rebate (rate × net sales), monthly staff wages and
        sponsorship. Hook: promotions may add their cost-share charges here."""
        _ = self.env._
        result = {}
        for contract in contracts:
            term = terms[contract.id]
            lines = []
            rebate = to_cents(
                to_decimal(figures[contract.id]["net_sales"]) * to_decimal(term.rebate_rate) / 100
            )
            if rebate:
                lines.append(("rebate", rebate, _("Rebate %(rate)s%%", rate=term.rebate_rate)))
            if term.staff_wage_cost:
                lines.append(("staff_wage", term.staff_wage_cost, _("Monthly staff wages")))
            if term.sponsorship_fee:
                lines.append(("sponsorship", term.sponsorship_fee, _("Sponsorship fee")))
            result[contract.id] = lines
        return result

    @api.model
    def _priority_classes(self, period, contracts, figures):
        """T9: {contract id: (class, rank by sales, rank by sales per m², sales per m²)}.
        (a) the top 20% (rounded up) by net sales or by sales per m², then (b)
        representative brands, (c) brands introduced within 12 months of the period end,
        (d) promising brands, (e) the rest."""
        top = math.ceil(len(contracts) * 0.2)
        per_area = {
            c.id: (
                to_cents(to_decimal(figures[c.id]["net_sales"]) / to_decimal(c.counter_area))
                if c.counter_area
                else 0.0
            )
            for c in contracts
        }
        by_sales = sorted(contracts.ids, key=lambda cid: (-figures[cid]["net_sales"], cid))
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
        if not (self.env.su or self.env.user.has_group(FINANCE_GROUP)):
            raise AccessError(
                self.env._("Only finance (invoicing users) confirm, invoice and pay statements.")
            )

    def action_send(self):
        """Draft → sent: the supplier sees the statement on the portal."""
        self._raise_if_not(
            ("draft",), self.env._("Statement %(statement)s is not a draft: it cannot be sent.")
        )
        self.write({"state": "sent", "date_sent": fields.Datetime.now()})
        for statement in self:
            statement._portal_ensure_token()
        return True

    def action_dispute(self, reason=None):
        """Sent → disputed, with the supplier's reason (required)."""
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
            statement.write({"state": "disputed", "dispute_reason": text})
            statement.message_post(
                body=self.env._("Disputed: %(reason)s", reason=text),
                message_type="comment",
                subtype_xmlid="mail.mt_note",
            )
        return True

    def action_reset_draft(self):
        """Sent or disputed → draft, to correct the figures and send again."""
        self._raise_if_not(
            ("sent", "disputed"),
            self.env._("Statement %(statement)s cannot go back to draft."),
        )
        self.write({"state": "draft"})
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
        """T8: sent → confirmed; post one vendor bill for the goods and one customer
        invoice for commission, shortfall and charges, in one batch."""
        self._check_finance()
        if not self:
            return True
        self._lock_for_confirm()
        for statement in self:
            if statement.vendor_bill_id or statement.customer_invoice_id:
                raise UserError(
                    self.env._(
                        "Statement %(statement)s is already confirmed: its bill and invoice "
                        "exist.",
                        statement=statement.name,
                    )
                )
            if statement.state != "sent":
                raise UserError(
                    self.env._(
                        "Statement %(statement)s must be sent to the supplier before it is "
                        "confirmed (it is %(state)s).",
                        statement=statement.name,
                        state=selection_label(statement, "state"),
                    )
                )
        self._create_moves()
        now = fields.Datetime.now()
        self.write({"state": "confirmed", "date_confirmed": now, "confirmed_by_id": self.env.uid})
        return True

    def _move_line(self, product, name, amount):
        return fields.Command.create(
            {"product_id": product.id, "name": name, "quantity": 1.0, "price_unit": amount}
        )

    def _vendor_bill_lines(self):
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
        if self.adjustment_amount > 0:
            lines.append(
                self._move_line(
                    product, _("Adjustment %(name)s", name=self.name), self.adjustment_amount
                )
            )
        return lines

    def _customer_invoice_lines(self, charge_products):
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
        labels = dict(
            self.env["mall.supplier.charge"]._fields["charge_type"]._description_selection(self.env)
        )
        for charge in self.charge_ids.sorted(lambda c: (c.date, c.id)):
            product = charge_products.get(charge.charge_type)
            if not product:
                raise UserError(
                    _(
                        "No charge type with a product is configured for %(type)s charges.",
                        type=labels[charge.charge_type],
                    )
                )
            lines.append(
                self._move_line(
                    product,
                    f"{labels[charge.charge_type]} {charge.description or ''} {self.name}".strip(),
                    charge.amount,
                )
            )
        if self.adjustment_amount < 0:
            lines.append(
                self._move_line(
                    company._mall_settlement_product("commission"),
                    _("Adjustment %(name)s", name=self.name),
                    -self.adjustment_amount,
                )
            )
        return lines

    def _create_moves(self):
        """One account.move.create() for every bill and invoice, one action_post()."""
        charge_products = self.env["mall.charge.type"]._product_by_code()
        today = fields.Date.context_today(self)
        vals_list, owners = [], []
        for statement in self:
            company = statement.company_id
            common = {
                "partner_id": statement.partner_id.id,
                "company_id": company.id,
                "invoice_date": today,
                "date": today,
                "invoice_origin": statement.name,
                "ref": statement.name,
            }
            bill_lines = statement._vendor_bill_lines()
            if bill_lines:
                vals_list.append(
                    {
                        **common,
                        "move_type": "in_invoice",
                        "journal_id": company._mall_settlement_journal("purchase").id,
                        "invoice_line_ids": bill_lines,
                    }
                )
                owners.append((statement, "vendor_bill_id"))
            invoice_lines = statement._customer_invoice_lines(charge_products)
            if invoice_lines:
                vals_list.append(
                    {
                        **common,
                        "move_type": "out_invoice",
                        "journal_id": company._mall_settlement_journal("sale").id,
                        "invoice_line_ids": invoice_lines,
                    }
                )
                owners.append((statement, "customer_invoice_id"))
        moves = (
            self.env["account.move"]
            .with_context(mail_create_nosubscribe=True, mail_create_nolog=True)
            .create(vals_list)
        )
        moves.action_post()
        for (statement, field), move in zip(owners, moves, strict=True):
            statement[field] = move
        return moves

    def action_register_invoice(self):
        """T9: the supplier's invoice is received: the statement joins the payment queue."""
        self._check_finance()
        self._raise_if_not(
            ("confirmed",),
            self.env._(
                "Statement %(statement)s must be confirmed before the supplier's invoice is "
                "registered."
            ),
        )
        self.write({"state": "invoiced", "invoice_received_date": fields.Datetime.now()})
        return True

    def action_create_adjustment(self):
        """Open a new adjusting statement for this confirmed one: the amount difference
        goes into a later open period (a confirmed statement never changes)."""
        self.ensure_one()
        self._raise_if_not(
            POSTED_STATES,
            self.env._("Only a confirmed statement is corrected by an adjustment."),
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
                self.netting_move_id = netting
        payment = self.env["account.payment"]
        if bill and bill.amount_residual:
            payment = (
                self.env["account.payment.register"]
                .with_context(active_model="account.move", active_ids=bill.ids)
                .create({"journal_id": journal.id, "payment_date": today})
                ._create_payments()
            )
        self.write({"state": "paid", "payment_id": payment[:1].id})
        self.message_post(
            body=self.env._("Paid %(amount)s.", amount=self.payable),
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
        return payment
