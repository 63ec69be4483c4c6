from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.translate import LazyTranslate

from odoo.addons.marketing_base.models.common import selection_label

from .common import (
    PERSONAL_DATA_GROUPS,
    mask_id_number,
    normalize_id_number,
    schedule_for_group,
)

_lt = LazyTranslate(__name__)

CONSULTANT = "property_sales.group_sales_consultant"
LOCKING = ("property_sales.group_project_secretary", "property_sales.group_contract_clerk")
TODO = "mail.mail_activity_data_todo"

REQUEST_STATE = [
    ("pending", "Waiting for the Secretary"),
    ("locked", "Locked"),
    ("refused", "Refused"),
    ("withdrawn", "Withdrawn"),
]


class PropertyUnitLockRequest(models.Model):
    """A consultant's request for a lock (申请销控, U5) carrying what the secretary needs to
    lock (U4): the customer and the ID card number held or the deposit received. It waits
    on the secretaries' list and on the sales-control chart; the secretary locks from it
    without retyping, or refuses it."""

    _name = "property.unit.lock.request"
    _inherit = ("mail.thread", "mail.activity.mixin", "marketing.workflow.mixin")
    _description = "Lock Request"
    _order = "id desc"
    _check_company_auto = True
    _workflow_fields = dict.fromkeys(
        ("state", "lock_id", "decided_by", "date_decided"),
        _lt("the secretary's Lock and Refuse buttons and the consultant's Withdraw button"),
    )

    # ------------------------------------------------------------------
    # FIELDS
    # ------------------------------------------------------------------
    unit_id = fields.Many2one(
        "property.unit",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
        domain="[('state', '=', 'available')]",
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
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, tracking=True, check_company=True
    )
    consultant_id = fields.Many2one(
        "res.users",
        string="Asked by",
        default=lambda self: self.env.user,
        readonly=True,
        index=True,
    )
    id_number = fields.Char(string="ID Card Number", readonly=True, groups=PERSONAL_DATA_GROUPS)
    id_number_entry = fields.Char(
        string="ID Card Number (card held)",
        compute="_compute_id_number_entry",
        inverse="_inverse_id_number_entry",
        help="The number of the customer's ID card the sales office holds: 18 characters. "
        "Once sent, only the secretary and the contract clerk see it in full.",
    )
    id_number_masked = fields.Char(string="ID Card", compute="_compute_id_number_masked")
    deposit_id = fields.Many2one(
        "property.deposit",
        string="Deposit Received",
        compute="_compute_deposit_id",
        store=True,
        readonly=False,
        precompute=True,
        check_company=True,
        domain="[('partner_id', '=', partner_id), ('project_id', '=', project_id), "
        "('state', '=', 'paid')]",
        help="A paid deposit of the customer for this project that secures nothing yet "
        "(proposed when there is one).",
    )
    state = fields.Selection(
        REQUEST_STATE, default="pending", required=True, readonly=True, tracking=True, index=True
    )
    lock_id = fields.Many2one("property.unit.lock", string="Lock", readonly=True)
    decided_by = fields.Many2one("res.users", readonly=True)
    date_decided = fields.Datetime(string="Decided At", readonly=True)

    # ------------------------------------------------------------------
    # COMPUTE METHODS
    # ------------------------------------------------------------------
    @api.depends("unit_id", "partner_id")
    def _compute_display_name(self):
        for request in self:
            request.display_name = " · ".join(
                name for name in (request.unit_id.name, request.partner_id.name) if name
            )

    @api.depends("unit_id")
    def _compute_company_id(self):
        for request in self:
            request.company_id = (
                request.unit_id.company_id or request.company_id or self.env.company
            )

    def _compute_id_number_entry(self):
        # write-only: what was entered is kept on the restricted field
        self.id_number_entry = False

    def _inverse_id_number_entry(self):
        for request in self:
            if request.id_number_entry:
                request.sudo().id_number = normalize_id_number(
                    self.env, request.id_number_entry, request._field_label("id_number_entry")
                )

    def _compute_id_number_masked(self):
        for request, sudo_request in zip(self, self.sudo(), strict=True):
            request.id_number_masked = mask_id_number(sudo_request.id_number)

    @api.depends("unit_id", "partner_id")
    def _compute_deposit_id(self):
        """Keep the chosen deposit while it fits the customer and the unit; otherwise
        propose the customer's first paid deposit that secures nothing yet."""
        deposits = self.env["property.deposit"]
        for request in self:
            deposit = request.deposit_id
            if deposit and (
                deposit.partner_id != request.partner_id or deposit.project_id != request.project_id
            ):
                deposit = deposits
            if not deposit and request.partner_id and request.unit_id:
                deposit = deposits._free_for_lock(request.partner_id, request.unit_id)[:1]
            request.deposit_id = deposit

    # ------------------------------------------------------------------
    # CRUD METHODS
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        self._check_role(CONSULTANT)
        requests = super().create(vals_list)
        requests._check_lockable()
        schedule_for_group(
            requests,
            "property_sales.group_project_secretary",
            lambda request: request.env._(
                "%(consultant)s asks to lock unit %(unit)s for %(customer)s",
                consultant=request.consultant_id.name,
                unit=request.unit_id.name,
                customer=request.partner_id.name,
            ),
        )
        requests.unit_id._notify_charts()
        return requests

    def write(self, vals):
        frozen = {"unit_id", "partner_id", "deposit_id", "id_number_entry"} & set(vals)
        if frozen:
            self._check_state_in(("pending",))
        res = super().write(vals)
        if frozen:
            self._check_lockable()
        return res

    # ------------------------------------------------------------------
    # ACTION METHODS
    # ------------------------------------------------------------------
    def action_lock(self):
        """The secretary (or the clerk) locks the unit with what the request carries; the
        lock is the asking consultant's."""
        self.ensure_one()
        self._check_role(*LOCKING)
        self._check_state_in(("pending",))
        lock_id = self.unit_id.lock_unit(
            self.partner_id.id, id_number=self.sudo().id_number, deposit_id=self.deposit_id.id
        )
        lock = self.env["property.unit.lock"].browse(lock_id)
        if not self.deposit_id and self.consultant_id:
            # U5: the lock the consultant asked for is theirs (with a deposit, the deposit's)
            lock.sudo()._workflow_write({"consultant_id": self.consultant_id.id})
        self._decide("locked", lock)
        return {
            "type": "ir.actions.act_window",
            "res_model": "property.unit.lock",
            "res_id": lock_id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    def action_refuse(self):
        self._check_role(*LOCKING)
        self._check_state_in(("pending",))
        self._decide("refused")
        return True

    def action_withdraw(self):
        """The consultant takes back a request not yet decided."""
        self._check_role(CONSULTANT)
        self._check_state_in(("pending",))
        for request in self:
            if request.consultant_id != self.env.user and not self.env.user.has_group(LOCKING[0]):
                raise UserError(
                    self.env._(
                        "Lock request %(request)s was sent by %(consultant)s: only they "
                        "withdraw it.",
                        request=request.display_name,
                        consultant=request.consultant_id.name,
                    )
                )
        self._decide("withdrawn")
        return True

    # ------------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------------
    def _field_label(self, fname):
        return self._fields[fname]._description_string(self.env)

    def _check_lockable(self):
        """What the secretary will need (U4), checked when the consultant sends it."""
        for request in self:
            if request.unit_id.state != "available":
                raise UserError(
                    self.env._(
                        "Unit %(unit)s is %(state)s: only an available unit can be asked for.",
                        unit=request.unit_id.name,
                        state=selection_label(request.unit_id, "state"),
                    )
                )
            if not request.deposit_id and not request.sudo().id_number:
                raise UserError(
                    self.env._(
                        "Lock request for unit %(unit)s: give the %(deposit)s or the "
                        "%(id_number)s, which the secretary needs to lock.",
                        unit=request.unit_id.name,
                        deposit=request._field_label("deposit_id"),
                        id_number=request._field_label("id_number_entry"),
                    )
                )
            if request.deposit_id:
                request.deposit_id._check_usable_for_lock(request.unit_id, request.partner_id)

    def _decide(self, state, lock=None):
        self._workflow_write(
            {
                "state": state,
                "lock_id": lock.id if lock else False,
                "decided_by": self.env.uid,
                "date_decided": fields.Datetime.now(),
            }
        )
        # the secretaries' to-dos are done, whoever decided
        self.sudo().activity_feedback([TODO])
        self.unit_id._notify_charts()
