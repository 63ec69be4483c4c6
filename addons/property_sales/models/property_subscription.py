from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import float_compare

from odoo.addons.marketing_base.models.common import selection_label

from .common import check_state_write, schedule_for_group

SUBSCRIPTION_STATE = [
    ("draft", "Draft"),
    ("temporary", "Temporary"),
    ("confirmed", "Confirmed"),
    ("contracted", "Contracted"),
    ("cancelled", "Cancelled"),
]

PAYMENT_TERMS = [("down", "Down Payment and Mortgage"), ("full", "Full Payment")]

TOPUP_DAYS = 7


class PropertySubscription(models.Model):
    """A subscription (认购书) of a locked unit (D4): from the lock, at a price whose discount
    the consultant or the marketing manager granted (D7), temporary until a partial
    deposit is topped up (D5), then contract and delivery; a return needs approval (D6).
    Every step writes the sales-control register (U8)."""

    _name = "property.subscription"
    _inherit = ("mail.thread", "mail.activity.mixin")
    _description = "Property Subscription"
    _order = "id desc"
    _check_company_auto = True

    _sql_constraints = (
        ("price_positive", "CHECK(price > 0)", "The subscription price must be positive."),
    )

    # ------------------------------------------------------------------
    # FIELDS
    # ------------------------------------------------------------------
    name = fields.Char(readonly=True, default="/", copy=False)
    unit_id = fields.Many2one(
        "property.unit", required=True, check_company=True, tracking=True, index=True
    )
    building_id = fields.Many2one(related="unit_id.building_id", store=True)
    project_id = fields.Many2one(related="unit_id.project_id", store=True)
    company_id = fields.Many2one(related="unit_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="unit_id.currency_id")
    partner_id = fields.Many2one("res.partner", string="Customer", required=True, tracking=True)
    consultant_id = fields.Many2one(
        "res.users", string="Consultant", default=lambda self: self.env.user, tracking=True
    )
    lock_id = fields.Many2one(
        "property.unit.lock",
        compute="_compute_lock_id",
        store=True,
        readonly=False,
        precompute=True,
        domain="[('unit_id', '=', unit_id), ('state', '=', 'active')]",
    )
    deposit_id = fields.Many2one(
        "property.deposit",
        compute="_compute_deposit_id",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        domain="[('partner_id', '=', partner_id), ('state', '=', 'paid')]",
    )
    topup_deposit_id = fields.Many2one(
        "property.deposit",
        string="Top-up Deposit",
        tracking=True,
        domain="[('partner_id', '=', partner_id), ('state', '=', 'paid')]",
    )
    list_price = fields.Monetary(
        compute="_compute_list_price", store=True, precompute=True, readonly=True
    )
    price = fields.Monetary(
        compute="_compute_price", store=True, readonly=False, precompute=True, tracking=True
    )
    discount_amount = fields.Monetary(compute="_compute_discount", store=True)
    discount_percent = fields.Float(string="Discount (%)", compute="_compute_discount", store=True)
    discount_approved_by = fields.Many2one("res.users", readonly=True, tracking=True)
    discount_approval_date = fields.Datetime(readonly=True)
    state = fields.Selection(
        SUBSCRIPTION_STATE, default="draft", required=True, tracking=True, readonly=True
    )
    payment_terms = fields.Selection(PAYMENT_TERMS, default="down", required=True, tracking=True)
    date_subscription = fields.Date(readonly=True, tracking=True)
    topup_deadline = fields.Date(string="Top-up Deadline", tracking=True)
    mortgage_documents = fields.Boolean(string="Mortgage Documents Complete", tracking=True)
    contract_registered = fields.Boolean(string="Contract Registered", tracking=True)
    contract_number = fields.Char(tracking=True)
    date_contract = fields.Date(readonly=True, tracking=True)
    date_delivery = fields.Date(readonly=True, tracking=True)
    return_reason = fields.Char(tracking=True)
    change_unit_id = fields.Many2one(
        "property.unit",
        string="Change to Unit",
        tracking=True,
        domain="[('project_id', '=', project_id), ('state', '=', 'locked')]",
        help="换房: the new unit, locked for the same customer.",
    )
    changed_to_id = fields.Many2one("property.subscription", string="Replaced by", readonly=True)
    return_approved_by = fields.Many2one("res.users", readonly=True, tracking=True)

    # ------------------------------------------------------------------
    # COMPUTE METHODS
    # ------------------------------------------------------------------
    @api.depends("unit_id")
    def _compute_lock_id(self):
        for subscription in self:
            subscription.lock_id = subscription.unit_id.active_lock_id

    @api.depends("lock_id")
    def _compute_deposit_id(self):
        for subscription in self:
            subscription.deposit_id = subscription.lock_id.deposit_id or subscription.deposit_id

    @api.depends("unit_id")
    def _compute_list_price(self):
        for subscription in self:
            subscription.list_price = subscription.unit_id.list_price

    @api.depends("list_price")
    def _compute_price(self):
        for subscription in self:
            subscription.price = subscription.list_price

    @api.depends("list_price", "price")
    def _compute_discount(self):
        for subscription in self:
            currency = subscription.currency_id or self.env.company.currency_id
            discount = currency.round(subscription.list_price - subscription.price)
            subscription.discount_amount = discount
            subscription.discount_percent = (
                discount / subscription.list_price * 100 if subscription.list_price else 0.0
            )

    # ------------------------------------------------------------------
    # CONSTRAINT METHODS
    # ------------------------------------------------------------------
    @api.constrains("partner_id", "lock_id")
    def _check_lock_customer(self):
        for subscription in self:
            lock = subscription.lock_id
            if lock and lock.partner_id != subscription.partner_id:
                raise ValidationError(
                    self.env._(
                        "Subscription %(subscription)s: unit %(unit)s is locked for "
                        "%(holder)s, not for %(customer)s.",
                        subscription=subscription.name,
                        unit=subscription.unit_id.name,
                        holder=lock.partner_id.name,
                        customer=subscription.partner_id.name,
                    )
                )

    # ------------------------------------------------------------------
    # CRUD METHODS
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("property.subscription") or "/"
        return super().create(vals_list)

    def write(self, vals):
        check_state_write(self, vals)
        if "topup_deadline" in vals and any(s.state == "temporary" for s in self):
            self._check_manager(self.env._("extend a top-up deadline (D5)"))
        if "price" in vals:
            vals = dict(vals, discount_approved_by=False, discount_approval_date=False)
        return super().write(vals)

    # ------------------------------------------------------------------
    # ACTION METHODS
    # ------------------------------------------------------------------
    def action_request_discount_approval(self):
        """D7: ask the marketing managers to approve a discount above the limit."""
        schedule_for_group(
            self,
            "property_sales.group_marketing_manager",
            lambda subscription: self.env._(
                "Approve a %(discount).2f%% discount on %(subscription)s",
                discount=subscription.discount_percent,
                subscription=subscription.name,
            ),
        )
        return True

    def action_approve_discount(self):
        """D7: the marketing manager approves the discount; recorded on the subscription."""
        self._check_manager(self.env._("approve a discount above the consultants' limit"))
        self._check_state(("draft",))
        self.write(
            {"discount_approved_by": self.env.uid, "discount_approval_date": fields.Datetime.now()}
        )
        for subscription in self:
            self.env["property.control.log"]._record_event(
                "discount",
                subscription.unit_id,
                subscription=subscription,
                note=f"{subscription.discount_percent:.2f}%",
            )
        return True

    def action_confirm(self):
        """D4/D5/D7: turn the lock into a subscription. A deposit below the standard
        makes it temporary, with a top-up deadline."""
        self._check_state(("draft",))
        for subscription in self:
            subscription._check_confirmable()
        self.lock_id._convert(self)
        today = fields.Date.context_today(self)
        for subscription in self:
            temporary = subscription.deposit_id.partial
            subscription._write_state(
                {
                    "state": "temporary" if temporary else "confirmed",
                    "date_subscription": today,
                }
            )
            if temporary and not subscription.topup_deadline:
                super(PropertySubscription, subscription).write(
                    {"topup_deadline": today + timedelta(days=TOPUP_DAYS)}
                )
            subscription.unit_id._set_state(
                "subscribed",
                "temporary" if temporary else "subscribe",
                subscription=subscription,
                lock=subscription.lock_id,
            )
        return True

    def action_confirm_topup(self):
        """D5: the customer topped the deposit up to the standard: confirmed."""
        self._check_state(("temporary",))
        for subscription in self:
            paid = subscription.deposit_id.amount
            if subscription.topup_deposit_id.state == "paid":
                paid += subscription.topup_deposit_id.amount
            standard = subscription.project_id.deposit_standard
            if (
                float_compare(paid, standard, precision_rounding=subscription.currency_id.rounding)
                < 0
            ):
                raise UserError(
                    self.env._(
                        "Subscription %(subscription)s: %(paid)s received, the standard "
                        "deposit is %(standard)s; register the top-up deposit first.",
                        subscription=subscription.name,
                        paid=paid,
                        standard=standard,
                    )
                )
            subscription._write_state({"state": "confirmed"})
            self.env["property.control.log"]._record_event(
                "topup", subscription.unit_id, subscription=subscription
            )
        return True

    def action_contract(self):
        """D4: after customer service's checklist, the sales contract is signed."""
        self._check_state(("confirmed",))
        for subscription in self:
            missing = [
                subscription._fields[fname].get_description(self.env)["string"]
                for fname in ("mortgage_documents", "contract_registered")
                if not subscription[fname]
                and (fname == "contract_registered" or subscription.payment_terms == "down")
            ]
            if missing:
                raise UserError(
                    self.env._(
                        "Subscription %(subscription)s cannot be contracted yet: %(missing)s.",
                        subscription=subscription.name,
                        missing=", ".join(missing),
                    )
                )
        self._write_state({"state": "contracted", "date_contract": fields.Date.context_today(self)})
        for subscription in self:
            subscription.unit_id._set_state("contracted", "contract", subscription=subscription)
        return True

    def action_deliver(self):
        """D4: the flat is handed over."""
        self._check_state(("contracted",))
        self.write({"date_delivery": fields.Date.context_today(self)})
        for subscription in self:
            subscription.unit_id._set_state("delivered", "deliver", subscription=subscription)
        return True

    def action_return(self):
        """D6: a return (退房) needs the marketing manager; the unit is for sale again and
        the deposit is then refunded by the cashier through accounting."""
        self._check_manager(self.env._("approve a return"))
        self._check_state(("temporary", "confirmed"))
        for subscription in self:
            if not subscription.return_reason:
                raise UserError(
                    self.env._(
                        "Subscription %(subscription)s: give the return reason first.",
                        subscription=subscription.name,
                    )
                )
        self.unit_id._lock_rows()
        self._write_state({"state": "cancelled", "return_approved_by": self.env.uid})
        for subscription in self:
            subscription.unit_id._set_state("available", "return", subscription=subscription)
        return True

    def action_change_unit(self):
        """D6: a change of unit (换房), approved by the marketing manager: the customer's
        new unit, already locked for them, gets a new subscription on the same deposit;
        the old unit is for sale again. Both are on the register (U8)."""
        self._check_manager(self.env._("approve a change of unit"))
        self._check_state(("temporary", "confirmed"))
        for subscription in self:
            lock = subscription.change_unit_id.active_lock_id
            if not lock or lock.partner_id != subscription.partner_id:
                raise UserError(
                    self.env._(
                        "Subscription %(subscription)s: choose the new unit and have it "
                        "locked for %(customer)s first.",
                        subscription=subscription.name,
                        customer=subscription.partner_id.name,
                    )
                )
        self.unit_id._lock_rows()
        for subscription in self:
            new = self.create(subscription._prepare_change_values())
            new.action_confirm()
            subscription._write_state(
                {"state": "cancelled", "changed_to_id": new.id, "return_approved_by": self.env.uid}
            )
            subscription.unit_id._set_state("available", "change", subscription=subscription)
        return True

    def action_print(self):
        return self.env.ref("property_sales.action_report_property_subscription").report_action(
            self
        )

    # ------------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------------
    def _prepare_change_values(self):
        self.ensure_one()
        return {
            "unit_id": self.change_unit_id.id,
            "partner_id": self.partner_id.id,
            "consultant_id": self.consultant_id.id,
            "deposit_id": self.deposit_id.id,
            "topup_deposit_id": self.topup_deposit_id.id,
            "payment_terms": self.payment_terms,
        }

    def _write_state(self, vals):
        return self.with_context(property_state_change=True).write(vals)

    def _check_manager(self, what):
        if not self.env.user.has_group("property_sales.group_marketing_manager"):
            raise AccessError(
                self.env._(
                    "Only the marketing manager may %(what)s; %(user)s is not one.",
                    what=what,
                    user=self.env.user.name,
                )
            )

    def _check_state(self, states):
        for subscription in self:
            if subscription.state not in states:
                raise UserError(
                    self.env._(
                        "Subscription %(subscription)s is %(state)s: this step is not "
                        "possible now.",
                        subscription=subscription.name,
                        state=selection_label(subscription, "state"),
                    )
                )

    def _max_discount_ok(self):
        """D7: within the consultants' limit, or approved by the marketing manager."""
        self.ensure_one()
        if self.discount_approved_by:
            return True
        limit = self.project_id.discount_limit
        floor_price = self.currency_id.round(self.list_price * (100 - limit) / 100)
        return (
            float_compare(self.price, floor_price, precision_rounding=self.currency_id.rounding)
            >= 0
        )

    def _check_confirmable(self):
        self.ensure_one()
        lock = self.lock_id
        if not lock or lock.state != "active" or lock.unit_id != self.unit_id:
            raise UserError(
                self.env._(
                    "Subscription %(subscription)s: unit %(unit)s has no active lock for "
                    "%(customer)s; the secretary locks it first.",
                    subscription=self.name,
                    unit=self.unit_id.name,
                    customer=self.partner_id.name,
                )
            )
        if not self._max_discount_ok():
            raise UserError(
                self.env._(
                    "Subscription %(subscription)s: the price %(price)s is %(discount).2f%% "
                    "below the list price %(list_price)s, more than the consultants' limit of "
                    "%(limit).2f%%; ask the marketing manager to approve the discount.",
                    subscription=self.name,
                    price=self.price,
                    discount=self.discount_percent,
                    list_price=self.list_price,
                    limit=self.project_id.discount_limit,
                )
            )
        deposit = self.deposit_id
        if not deposit or deposit.state != "paid" or deposit.partner_id != self.partner_id:
            raise UserError(
                self.env._(
                    "Subscription %(subscription)s needs a deposit received from " "%(customer)s.",
                    subscription=self.name,
                    customer=self.partner_id.name,
                )
            )
