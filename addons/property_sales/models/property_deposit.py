from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare
from odoo.tools.translate import LazyTranslate

from odoo.addons.marketing_base.models.common import join_list, selection_label

from .common import check_consultant_change, check_values, check_values_list
from .property_project import MAX_AMOUNT

_lt = LazyTranslate(__name__)

CONSULTANT = "property_sales.group_sales_consultant"
CASHIER = "account.group_account_invoice"
MANAGER = "property_sales.group_marketing_manager"
DEPOSIT_LIMITS = {"amount": (0.01, MAX_AMOUNT)}

DEPOSIT_STATE = [
    ("draft", "Draft"),
    ("to_approve", "To Approve"),
    ("approved", "Approved"),
    ("paid", "Paid"),
    ("refunded", "Refunded"),
]


class PropertyDeposit(models.Model):
    """A customer's deposit (认购金) against the project's standard and minimum (D1, D2),
    collected by the cashier as an accounting payment (D3) and refunded through
    accounting on a return (D6)."""

    _name = "property.deposit"
    _inherit = (
        "mail.thread",
        "mail.activity.mixin",
        "marketing.workflow.mixin",
        "marketing.approval.mixin",
    )
    _description = "Property Deposit"
    _order = "id desc"
    _check_company_auto = True
    # D2: a deposit below the minimum waits in "to_approve" for its approval chain
    _state_from = ["draft", "to_approve"]
    _state_to = ["approved"]
    _cancel_state = "refunded"
    _tier_validation_manual_config = False
    _workflow_fields = {
        "state": _lt("the Submit, Receive Payment and Refund buttons and the approval"),
        "approved_by": _lt("the approval of a deposit below the minimum"),
        "payment_id": _lt("the cashier's Receive Payment button"),
        "refund_payment_id": _lt("the cashier's Refund button"),
    }

    _sql_constraints = (
        ("amount_positive", "CHECK(amount > 0)", "A deposit must be a positive amount."),
    )

    # ------------------------------------------------------------------
    # FIELDS
    # ------------------------------------------------------------------
    name = fields.Char(readonly=True, default="/", copy=False)
    project_id = fields.Many2one(
        "property.project",
        required=True,
        check_company=True,
        tracking=True,
        default=lambda self: self._default_project(),
    )
    unit_id = fields.Many2one(
        "property.unit",
        check_company=True,
        tracking=True,
        domain="[('project_id', '=', project_id)]",
        help="The unit the customer wants, if already chosen.",
    )
    # the project's company; before a project is chosen, the user's (so that the project
    # and unit dropdowns of a new deposit offer the company's records)
    company_id = fields.Many2one(
        "res.company",
        compute="_compute_company_id",
        store=True,
        index=True,
        precompute=True,
        default=lambda self: self.env.company,
    )
    currency_id = fields.Many2one(related="project_id.currency_id")
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, tracking=True, check_company=True
    )
    consultant_id = fields.Many2one(
        "res.users",
        string="Consultant",
        default=lambda self: self.env.user,
        tracking=True,
        check_company=True,
    )
    amount = fields.Monetary(required=True, tracking=True)
    below_minimum = fields.Boolean(compute="_compute_below_minimum")
    partial = fields.Boolean(
        compute="_compute_below_minimum",
        string="Below Standard",
        help="Below the project's standard deposit: the subscription is temporary.",
    )
    state = fields.Selection(
        DEPOSIT_STATE, default="draft", required=True, readonly=True, tracking=True
    )
    approved_by = fields.Many2one("res.users", readonly=True, tracking=True)
    journal_id = fields.Many2one(
        "account.journal",
        string="Cash Journal",
        check_company=True,
        domain="[('type', 'in', ('bank', 'cash'))]",
    )
    payment_id = fields.Many2one("account.payment", string="Receipt", readonly=True, copy=False)
    refund_payment_id = fields.Many2one(
        "account.payment", string="Refund", readonly=True, copy=False
    )

    # ------------------------------------------------------------------
    # COMPUTE METHODS
    # ------------------------------------------------------------------
    @api.model
    def _default_project(self):
        """The user's project, when they work for only one."""
        projects = self.env["property.project"].search(
            [("company_id", "in", self.env.companies.ids)], limit=2
        )
        return projects if len(projects) == 1 else False

    @api.depends("project_id")
    def _compute_company_id(self):
        for deposit in self:
            deposit.company_id = (
                deposit.project_id.company_id or deposit.company_id or (self.env.company)
            )

    @api.depends("amount", "project_id.deposit_minimum", "project_id.deposit_standard")
    def _compute_below_minimum(self):
        for deposit in self:
            project, rounding = deposit.project_id, deposit.currency_id.rounding or 0.01
            deposit.below_minimum = bool(project) and (
                float_compare(deposit.amount, project.deposit_minimum, precision_rounding=rounding)
                < 0
            )
            deposit.partial = bool(project) and (
                float_compare(deposit.amount, project.deposit_standard, precision_rounding=rounding)
                < 0
            )

    # ------------------------------------------------------------------
    # CONSTRAINT METHODS
    # ------------------------------------------------------------------
    @api.constrains("unit_id", "project_id")
    def _check_unit_project(self):
        for deposit in self:
            if deposit.unit_id and deposit.unit_id.project_id != deposit.project_id:
                raise ValidationError(
                    self.env._(
                        "Deposit %(deposit)s is for project %(project)s but unit %(unit)s "
                        "belongs to project %(unit_project)s.",
                        deposit=deposit.name,
                        project=deposit.project_id.name,
                        unit=deposit.unit_id.name,
                        unit_project=deposit.unit_id.project_id.name,
                    )
                )

    # ------------------------------------------------------------------
    # CRUD METHODS
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        check_values_list(self, vals_list, DEPOSIT_LIMITS)
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("property.deposit") or "/"
        return super().create(vals_list)

    def write(self, vals):
        check_values(self, vals, DEPOSIT_LIMITS)
        check_consultant_change(self, vals)
        frozen = {"amount", "partner_id", "project_id", "unit_id"} & set(vals)
        if frozen and any(deposit.state not in ("draft", "to_approve") for deposit in self):
            raise UserError(
                self.env._(
                    "Deposit %(deposits)s is approved or paid: its customer, project, unit "
                    "and amount can no longer change.",
                    deposits=join_list(self.env, self.mapped("name")),
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_draft(self):
        if any(deposit.state != "draft" for deposit in self):
            raise UserError(self.env._("Only draft deposits can be deleted."))

    # ------------------------------------------------------------------
    # ACTION METHODS
    # ------------------------------------------------------------------
    def action_submit(self):
        """D2: at or above the minimum the deposit is accepted; below, it goes through
        its approval chain (by default the marketing manager)."""
        self._check_role(CONSULTANT)
        self._check_state_in(("draft",))
        below = self.filtered("below_minimum")
        (self - below)._workflow_write({"state": "approved"})
        for deposit in below:
            if deposit.review_ids:
                deposit.restart_validation()
            deposit._workflow_write({"state": "to_approve"})
            if not deposit.request_validation():
                raise UserError(
                    self.env._(
                        "Deposit %(deposit)s is below the project's minimum and no approval "
                        "chain applies to it: ask the administrator to set one in Settings > "
                        "Approval Chains.",
                        deposit=deposit.name,
                    )
                )
        return True

    def _on_approval_validated(self):
        """D2: the approval chain accepted the deposit below the minimum."""
        for deposit in self.filtered(lambda d: d.state == "to_approve"):
            reviewer = deposit.review_ids.sorted("reviewed_date")[-1:].done_by
            deposit._workflow_write({"state": "approved", "approved_by": reviewer.id})

    def _on_approval_rejected(self):
        """D2: refused: back to draft; the consultant may change the amount and submit
        again (the decided reviews stay in the history)."""
        self.filtered(lambda d: d.state == "to_approve")._workflow_write({"state": "draft"})

    def _get_tier_validation_readonly_domain(self):
        # waiting for a decision, or rejected until restarted; an approved deposit's
        # cashier fields stay editable
        return "validation_status in ('waiting', 'pending', 'rejected')"

    def action_register_payment(self):
        """D3: the cashier receives the deposit: an inbound accounting payment, posted."""
        self._check_cashier()
        self._check_state_in(("approved",))
        self._settle("inbound", "paid", "payment_id", "deposit")
        return True

    def action_refund(self):
        """D6: the refund of a paid deposit is an outbound accounting payment."""
        self._check_cashier()
        self._check_state_in(("paid",))
        for deposit in self:
            open_subscriptions = deposit.env["property.subscription"].search_count(
                [("deposit_id", "=", deposit.id), ("state", "not in", ("cancelled",))]
            )
            if open_subscriptions:
                raise UserError(
                    self.env._(
                        "Deposit %(deposit)s is held by a subscription: return the unit "
                        "(with approval) before refunding it.",
                        deposit=deposit.name,
                    )
                )
        self._settle("outbound", "refunded", "refund_payment_id", "deposit_refund")
        return True

    def action_open_payment(self):
        self.ensure_one()
        self._check_role(CONSULTANT, CASHIER)
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.payment",
            "res_id": self.payment_id.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    # ------------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------------
    def _check_cashier(self):
        self._check_role(CASHIER)

    def _payment_journal(self):
        self.ensure_one()
        return self.journal_id or self.env["account.journal"].search(
            [("type", "in", ("cash", "bank")), ("company_id", "=", self.company_id.id)],
            order="type",
            limit=1,
        )

    def _settle(self, payment_type, state, payment_field, event):
        """Post one accounting payment per deposit (D3, D6) and register it (U8)."""
        for deposit in self:
            payment = deposit._create_payment(payment_type)
            deposit._workflow_write({"state": state, payment_field: payment.id})
            if deposit.unit_id:
                self.env["property.control.log"]._record_event(
                    event, deposit.unit_id, deposit=deposit
                )

    def _create_payment(self, payment_type):
        self.ensure_one()
        journal = self._payment_journal()
        if not journal:
            raise UserError(
                self.env._(
                    "Deposit %(deposit)s: no cash or bank journal in company %(company)s.",
                    deposit=self.name,
                    company=self.company_id.name,
                )
            )
        payment = self.env["account.payment"].create(
            {
                "payment_type": payment_type,
                "partner_type": "customer",
                "partner_id": self.partner_id.id,
                "amount": self.amount,
                "currency_id": self.currency_id.id,
                "journal_id": journal.id,
                "company_id": self.company_id.id,
                "memo": self.name,
            }
        )
        payment.action_post()
        return payment

    def _check_usable_for_lock(self, unit, partner):
        """U4/D2: a lock may rest on a deposit received from this customer for this
        project (and unit, if the deposit names one)."""
        self.ensure_one()
        if self.state != "paid":
            raise UserError(
                self.env._(
                    "Deposit %(deposit)s has not been received (it is %(state)s): it cannot "
                    "secure a lock of unit %(unit)s.",
                    deposit=self.name,
                    state=selection_label(self, "state"),
                    unit=unit.name,
                )
            )
        if self.project_id != unit.project_id or (self.unit_id and self.unit_id != unit):
            raise UserError(
                self.env._(
                    "Deposit %(deposit)s was paid for %(target)s, not for unit %(unit)s.",
                    deposit=self.name,
                    target=(self.unit_id or self.project_id).display_name,
                    unit=unit.name,
                )
            )
        if self.partner_id != partner:
            raise UserError(
                self.env._(
                    "Deposit %(deposit)s was paid by %(payer)s, not by %(customer)s.",
                    deposit=self.name,
                    payer=self.partner_id.name,
                    customer=partner.name,
                )
            )
        self._check_unused()

    @api.model
    def _free_for_lock(self, partner, unit):
        """The customer's paid deposits for the unit's project (and for no other unit)
        that secure nothing yet: an active lock or a subscription not cancelled. Holders
        are searched as superuser: they may be another consultant's."""
        candidates = self.search(
            [
                ("partner_id", "=", partner.id),
                ("project_id", "=", unit.project_id.id),
                ("state", "=", "paid"),
                ("unit_id", "in", [False, unit.id]),
            ],
            order="id",
        )
        if not candidates:
            return candidates
        locks = (
            self.env["property.unit.lock"]
            .sudo()
            .search([("deposit_id", "in", candidates.ids), ("state", "=", "active")])
        )
        subscriptions = (
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
        held = locks.deposit_id | subscriptions.deposit_id | subscriptions.topup_deposit_id
        return candidates.filtered(lambda deposit: deposit.id not in held.ids)

    def _check_unused(self, lock=None, subscription=None):
        """One deposit secures one sale: refuse it when an active lock (other than
        ``lock``) or a subscription not cancelled (other than ``subscription``) already
        rests on it. Searched as superuser: the other holder may be another consultant's."""
        self.ensure_one()
        holder = (
            self.env["property.unit.lock"]
            .sudo()
            .search(
                [
                    ("deposit_id", "=", self.id),
                    ("state", "=", "active"),
                    ("id", "not in", lock.ids if lock else []),
                ],
                limit=1,
            )
            .unit_id
        )
        if not holder:
            holder = (
                self.env["property.subscription"]
                .sudo()
                .search(
                    [
                        ("state", "!=", "cancelled"),
                        ("id", "not in", subscription.ids if subscription else []),
                        "|",
                        ("deposit_id", "=", self.id),
                        ("topup_deposit_id", "=", self.id),
                    ],
                    limit=1,
                )
                .unit_id
            )
        if holder:
            raise UserError(
                self.env._(
                    "Deposit %(deposit)s already secures unit %(unit)s: one deposit secures "
                    "one sale.",
                    deposit=self.name,
                    unit=holder.name,
                )
            )
