from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare
from odoo.tools.translate import LazyTranslate

from odoo.addons.marketing_base.models.common import format_money, join_list, selection_label

from .common import (
    check_consultant_change,
    check_values,
    check_values_list,
    mask_phone,
)
from .property_project import MAX_AMOUNT

_lt = LazyTranslate(__name__)

CONSULTANT = "property_sales.group_sales_consultant"
CONTRACT_GROUPS = ("property_sales.group_contract_clerk", "property_sales.group_customer_service")
SERVICE = "property_sales.group_customer_service"
SUBSCRIPTION_LIMITS = {"price": (1, MAX_AMOUNT), "contract_number": 64, "return_reason": 500}
# D4: what a confirmed subscription says can no longer change, not even through a button
FROZEN_FIELDS = (
    "unit_id",
    "partner_id",
    "lock_id",
    "deposit_id",
    "list_price",
    "price",
    "discount_approved_by",
    "discount_approval_date",
)

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
    _inherit = ("mail.thread", "mail.activity.mixin", "marketing.workflow.mixin")
    _description = "Property Subscription"
    _order = "id desc"
    _check_company_auto = True
    _workflow_fields = {
        "state": _lt("the Confirm, Deposit Topped Up, Sign Contract and Deliver buttons"),
        "list_price": _lt("the unit's list price"),
        "discount_amount": _lt("the price"),
        "discount_percent": _lt("the price"),
        "discount_approved_by": _lt("the approval of the discount"),
        "discount_approval_date": _lt("the approval of the discount"),
        "date_subscription": _lt("the Confirm button"),
        "topup_deadline": _lt("the Confirm button and an approved extension"),
        "date_contract": _lt("the Sign Contract button"),
        "date_delivery": _lt("the Deliver button"),
        "return_approved_by": _lt("an approved return or change of unit"),
        "changed_to_id": _lt("an approved change of unit"),
    }

    _sql_constraints = (
        ("price_positive", "CHECK(price > 0)", "The subscription price must be positive."),
    )

    # ------------------------------------------------------------------
    # FIELDS
    # ------------------------------------------------------------------
    name = fields.Char(readonly=True, default="/", copy=False)
    unit_id = fields.Many2one(
        "property.unit",
        required=True,
        check_company=True,
        tracking=True,
        index=True,
        domain="[('state', '=', 'locked')]",
    )
    building_id = fields.Many2one(related="unit_id.building_id", store=True)
    project_id = fields.Many2one(related="unit_id.project_id", store=True)
    # the unit's company; before a unit is chosen, the user's (see property.deposit)
    company_id = fields.Many2one(
        "res.company",
        compute="_compute_company_id",
        store=True,
        index=True,
        precompute=True,
        default=lambda self: self.env.company,
    )
    currency_id = fields.Many2one(related="unit_id.currency_id")
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, tracking=True, check_company=True
    )
    partner_phone_masked = fields.Char(string="Customer Phone", compute="_compute_phone_masked")
    consultant_id = fields.Many2one(
        "res.users",
        string="Consultant",
        default=lambda self: self.env.user,
        tracking=True,
        check_company=True,
    )
    lock_id = fields.Many2one(
        "property.unit.lock",
        compute="_compute_lock_id",
        store=True,
        readonly=False,
        precompute=True,
        check_company=True,
        domain="[('unit_id', '=', unit_id), ('state', '=', 'active')]",
    )
    deposit_id = fields.Many2one(
        "property.deposit",
        compute="_compute_deposit_id",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        check_company=True,
        domain="[('partner_id', '=', partner_id), ('state', '=', 'paid')]",
    )
    topup_deposit_id = fields.Many2one(
        "property.deposit",
        string="Top-up Deposit",
        tracking=True,
        check_company=True,
        domain="[('partner_id', '=', partner_id), ('state', '=', 'paid'), "
        "('id', '!=', deposit_id)]",
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
    topup_deadline = fields.Date(string="Top-up Deadline", readonly=True, tracking=True)
    topup_deadline_requested = fields.Date(
        string="Extend Deadline To",
        help="The new top-up deadline to ask the marketing manager for.",
    )
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
        check_company=True,
        domain="[('project_id', '=', project_id), ('state', '=', 'locked')]",
        help="换房: the new unit, locked for the same customer.",
    )
    request_ids = fields.One2many(
        "property.subscription.request", "subscription_id", string="Approval Requests"
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

    @api.depends("unit_id")
    def _compute_company_id(self):
        for subscription in self:
            subscription.company_id = (
                subscription.unit_id.company_id or subscription.company_id or self.env.company
            )

    @api.depends("lock_id", "partner_id")
    def _compute_deposit_id(self):
        """The lock's deposit, or else a paid deposit of the customer for the project that
        secures nothing yet (proposed; checked again on confirmation)."""
        for subscription in self:
            deposit = subscription.lock_id.deposit_id
            if not deposit and subscription.deposit_id.partner_id == subscription.partner_id:
                deposit = subscription.deposit_id
            if not deposit and subscription.partner_id and subscription.project_id:
                deposit = subscription._free_deposits()[:1]
            subscription.deposit_id = deposit

    def _free_deposits(self):
        self.ensure_one()
        candidates = self.env["property.deposit"].search(
            [
                ("partner_id", "=", self.partner_id.id),
                ("project_id", "=", self.project_id.id),
                ("state", "=", "paid"),
            ],
            order="id",
        )
        held = (
            self.env["property.subscription"]
            .sudo()
            .search(
                [
                    ("state", "!=", "cancelled"),
                    "|",
                    ("deposit_id", "in", candidates.ids),
                    ("topup_deposit_id", "in", candidates.ids),
                ]
            )
        )
        free = candidates - held.deposit_id.sudo() - held.topup_deposit_id.sudo()
        return free.filtered(lambda d: not d.unit_id or d.unit_id == self.unit_id)

    @api.depends("unit_id")
    def _compute_list_price(self):
        for subscription in self:
            subscription.list_price = subscription.unit_id.list_price

    @api.depends("list_price")
    def _compute_price(self):
        for subscription in self:
            subscription.price = subscription.list_price

    @api.depends("partner_id.phone")
    def _compute_phone_masked(self):
        for subscription in self:
            subscription.partner_phone_masked = mask_phone(subscription.partner_id.sudo().phone)

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
        check_values_list(self, vals_list, SUBSCRIPTION_LIMITS)
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("property.subscription") or "/"
        return super().create(vals_list)

    def write(self, vals):
        check_values(self, vals, SUBSCRIPTION_LIMITS)
        check_consultant_change(self, vals)
        self._check_frozen_fields(vals)
        repriced = self.filtered(
            lambda s: "price" in vals and s.state == "draft" and s.price != vals["price"]
        )
        res = super().write(vals)
        if repriced:
            # D7: an approval was given for a price, not for the next one
            repriced._workflow_write(
                {"discount_approved_by": False, "discount_approval_date": False}
            )
            repriced.request_ids._cancel_open("discount")
        return res

    def _check_frozen_fields(self, vals):
        """D4: the unit, customer, lock, deposit, prices and the discount approval of a
        subscription no longer change once it is confirmed, not even by an action."""
        frozen = [fname for fname in FROZEN_FIELDS if fname in vals]
        if not frozen:
            return
        for subscription in self.filtered(lambda s: s.state != "draft"):
            new = subscription.new({fname: vals[fname] for fname in frozen}, origin=subscription)
            changed = [fname for fname in frozen if new[fname] != subscription[fname]]
            labels = [subscription._fields[f]._description_string(self.env) for f in changed]
            if changed:
                raise UserError(
                    self.env._(
                        "Subscription %(subscription)s is %(state)s: %(fields)s can no longer "
                        "change (a change of unit or a return goes through its approval).",
                        subscription=subscription.name,
                        state=selection_label(subscription, "state"),
                        fields=join_list(self.env, labels),
                    )
                )

    # ------------------------------------------------------------------
    # ACTION METHODS
    # ------------------------------------------------------------------
    def action_request_discount_approval(self):
        """D7: a discount above the consultants' limit goes through its approval chain
        (by default the marketing manager); the approval is recorded on the subscription."""
        self._check_role(CONSULTANT)
        self._check_state_in(("draft",))
        for subscription in self:
            if subscription._max_discount_ok():
                raise UserError(
                    self.env._(
                        "Subscription %(subscription)s: the discount is within the "
                        "consultants' limit or already approved; it needs no approval.",
                        subscription=subscription.name,
                    )
                )
        self._request("discount")
        return True

    def action_request_extension(self):
        """D5: ask to extend the top-up deadline to the date given."""
        self._check_role(CONSULTANT)
        self._check_state_in(("temporary",))
        for subscription in self:
            if (
                not subscription.topup_deadline_requested
                or subscription.topup_deadline_requested <= subscription.topup_deadline
            ):
                raise UserError(
                    self.env._(
                        "Subscription %(subscription)s: give the new top-up deadline, after "
                        "the current one (%(deadline)s).",
                        subscription=subscription.name,
                        deadline=subscription.topup_deadline,
                    )
                )
        self._request("extension")
        return True

    def action_request_return(self):
        """D6: ask for the return of the unit (退房)."""
        self._check_role(CONSULTANT)
        self._check_state_in(("temporary", "confirmed"))
        for subscription in self:
            if not subscription.return_reason:
                raise UserError(
                    self.env._(
                        "Subscription %(subscription)s: give the return reason first.",
                        subscription=subscription.name,
                    )
                )
        self._request("return")
        return True

    def action_request_change(self):
        """D6: ask for a change of unit (换房) to a unit locked for the same customer."""
        self._check_role(CONSULTANT)
        self._check_state_in(("temporary", "confirmed"))
        self._check_change_unit()
        self._request("change")
        return True

    def action_open_requests(self):
        self.ensure_one()
        self._check_role(CONSULTANT)
        return {
            "type": "ir.actions.act_window",
            "res_model": "property.subscription.request",
            "name": self.env._("Approval Requests"),
            "view_mode": "list,form",
            "domain": [("subscription_id", "=", self.id)],
        }

    def action_confirm(self):
        """D4/D5/D7: turn the lock into a subscription. A deposit below the standard
        makes it temporary, with a top-up deadline."""
        self._check_role(CONSULTANT)
        self._check_state_in(("draft",))
        for subscription in self:
            subscription._check_confirmable()
        self.lock_id._convert(self)
        today = fields.Date.context_today(self)
        for subscription in self:
            temporary = subscription.deposit_id.partial
            vals = {"state": "temporary" if temporary else "confirmed", "date_subscription": today}
            if temporary and not subscription.topup_deadline:
                vals["topup_deadline"] = today + timedelta(days=TOPUP_DAYS)
            subscription._workflow_write(vals)
            subscription.unit_id._set_state(
                "subscribed",
                "temporary" if temporary else "subscribe",
                subscription=subscription,
                lock=subscription.lock_id,
            )
        return True

    def action_confirm_topup(self):
        """D5: the customer topped the deposit up to the standard with a second deposit
        received from them and not used for anything else: confirmed."""
        self._check_role(CONSULTANT)
        self._check_state_in(("temporary",))
        for subscription in self:
            topup = subscription.topup_deposit_id
            if not topup:
                raise UserError(
                    self.env._(
                        "Subscription %(subscription)s: register the top-up deposit first.",
                        subscription=subscription.name,
                    )
                )
            if (
                topup.state != "paid"
                or topup.partner_id != subscription.partner_id
                or topup == subscription.deposit_id
            ):
                raise UserError(
                    self.env._(
                        "Subscription %(subscription)s: the top-up deposit %(deposit)s must be "
                        "a further deposit received from %(customer)s.",
                        subscription=subscription.name,
                        deposit=topup.name,
                        customer=subscription.partner_id.name,
                    )
                )
            topup._check_unused(subscription=subscription)
            paid = subscription.deposit_id.amount + topup.amount
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
                        paid=format_money(self.env, paid, subscription.currency_id),
                        standard=format_money(self.env, standard, subscription.currency_id),
                    )
                )
            subscription._workflow_write({"state": "confirmed"})
            self.env["property.control.log"]._record_event(
                "topup", subscription.unit_id, subscription=subscription
            )
        return True

    def action_contract(self):
        """D4: after customer service's checklist, the sales contract is signed."""
        self._check_role(*CONTRACT_GROUPS)
        self._check_state_in(("confirmed",))
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
                        missing=join_list(self.env, missing),
                    )
                )
        self._workflow_write(
            {"state": "contracted", "date_contract": fields.Date.context_today(self)}
        )
        for subscription in self:
            subscription.unit_id._set_state("contracted", "contract", subscription=subscription)
        return True

    def action_deliver(self):
        """D4: the flat is handed over."""
        self._check_role(SERVICE)
        self._check_state_in(("contracted",))
        self._workflow_write({"date_delivery": fields.Date.context_today(self)})
        for subscription in self:
            subscription.unit_id._set_state("delivered", "deliver", subscription=subscription)
        return True

    def action_print(self):
        self._check_role(CONSULTANT)
        return self.env.ref("property_sales.action_report_property_subscription").report_action(
            self
        )

    # ------------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------------
    def _request(self, request_type):
        """Create and submit one approval request per subscription (D5, D6, D7)."""
        Request = self.env["property.subscription.request"]
        for subscription in self:
            if subscription.request_ids.filtered(
                lambda r, t=request_type: r.request_type == t and r.state == "pending"
            ):
                raise UserError(
                    self.env._(
                        "Subscription %(subscription)s already waits for the approval of such "
                        "a request.",
                        subscription=subscription.name,
                    )
                )
            Request._submit_new(subscription, request_type)

    def _apply_discount_approval(self, reviewer):
        """D7: the approval of the discount, recorded on the subscription."""
        self._check_state_in(("draft",))
        self._workflow_write(
            {"discount_approved_by": reviewer.id, "discount_approval_date": fields.Datetime.now()}
        )
        for subscription in self:
            self.env["property.control.log"]._record_event(
                "discount",
                subscription.unit_id,
                subscription=subscription,
                note=f"{subscription.discount_percent:.2f}%",
            )

    def _apply_extension(self, deadline):
        """D5: the approved new top-up deadline."""
        self._check_state_in(("temporary",))
        self._workflow_write({"topup_deadline": deadline, "topup_deadline_requested": False})

    def _apply_return(self, reviewer):
        """D6: the approved return: the unit is for sale again; the cashier then refunds
        the deposit through accounting."""
        self._check_state_in(("temporary", "confirmed"))
        self.unit_id._lock_rows()
        self._workflow_write({"state": "cancelled", "return_approved_by": reviewer.id})
        for subscription in self:
            subscription.unit_id._set_state("available", "return", subscription=subscription)

    def _apply_change(self, reviewer):
        """D6: the approved change of unit: the customer's new unit, already locked for
        them, gets a new subscription on the same deposit; the old unit is for sale
        again. Both are on the register (U8)."""
        self._check_state_in(("temporary", "confirmed"))
        self._check_change_unit()
        self.unit_id._lock_rows()
        for subscription in self:
            values = subscription._prepare_change_values()
            subscription._workflow_write({"state": "cancelled", "return_approved_by": reviewer.id})
            subscription.unit_id._set_state("available", "change", subscription=subscription)
            new = self.create(values)
            new.action_confirm()
            subscription._workflow_write({"changed_to_id": new.id})

    def _check_change_unit(self):
        for subscription in self:
            # the lock may be another desk's: checked as superuser, only its customer named
            lock = subscription.change_unit_id.sudo().active_lock_id
            if not lock or lock.partner_id != subscription.partner_id:
                raise UserError(
                    self.env._(
                        "Subscription %(subscription)s: choose the new unit and have it "
                        "locked for %(customer)s first.",
                        subscription=subscription.name,
                        customer=subscription.partner_id.name,
                    )
                )

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
                    price=format_money(self.env, self.price, self.currency_id),
                    discount=self.discount_percent,
                    list_price=format_money(self.env, self.list_price, self.currency_id),
                    limit=self.project_id.discount_limit,
                )
            )
        deposit = self.deposit_id
        if not deposit or deposit.state != "paid" or deposit.partner_id != self.partner_id:
            raise UserError(
                self.env._(
                    "Subscription %(subscription)s needs a deposit received from %(customer)s.",
                    subscription=self.name,
                    customer=self.partner_id.name,
                )
            )
        deposit._check_unused(lock=lock, subscription=self)
