from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL, format_datetime
from odoo.tools.translate import LazyTranslate

from odoo.addons.marketing_base.models.common import join_list, selection_label
from odoo.addons.marketing_base.models.marketing_workflow_mixin import workflow_action

from .common import check_values, check_values_list, normalize_id_number
from .property_project import MAX_AMOUNT

_lt = LazyTranslate(__name__)

UNIT_STATE = [
    ("available", "Available"),
    ("locked", "Locked"),
    ("subscribed", "Subscribed"),
    ("contracted", "Contracted"),
    ("delivered", "Delivered"),
    ("withheld", "Withheld"),
]

LOCKING_GROUPS = ("property_sales.group_project_secretary", "property_sales.group_contract_clerk")

UNIT_LIMITS = {
    "number": 16,
    "layout": 64,
    "floor": (1, 200),
    "area": (1, 10000),
    "list_price": (1, MAX_AMOUNT),
}


class PropertyUnit(models.Model):
    """A flat for sale (U1) and its sales-control state (U2). The state moves only through
    the business methods (lock, release, subscribe, contract, deliver), each of which
    writes the sales-control register (U8)."""

    _name = "property.unit"
    _inherit = ("mail.thread", "mail.activity.mixin", "marketing.workflow.mixin")
    _description = "Property Unit"
    _order = "building_id, floor, number"
    _check_company_auto = True
    _workflow_fields = {
        "state": _lt(
            "the secretary's lock and release, the Withhold and Put Back on Sale buttons and "
            "the subscription's steps"
        ),
    }

    _sql_constraints = (
        (
            "number_unique",
            "UNIQUE(building_id, floor, number)",
            "A unit number appears only once per floor of a building.",
        ),
        ("floor_positive", "CHECK(floor > 0)", "The floor must be at least 1."),
        ("area_positive", "CHECK(area > 0)", "The floor area must be positive."),
        ("list_price_positive", "CHECK(list_price > 0)", "The list price must be positive."),
    )

    # ------------------------------------------------------------------
    # FIELDS
    # ------------------------------------------------------------------
    name = fields.Char(compute="_compute_name", store=True, index=True)
    building_id = fields.Many2one(
        "property.building", required=True, ondelete="restrict", check_company=True, index=True
    )
    project_id = fields.Many2one(
        related="building_id.project_id", store=True, index=True, string="Project"
    )
    company_id = fields.Many2one(related="building_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="building_id.currency_id")
    floor = fields.Integer(required=True)
    number = fields.Char(required=True, help="Number on the floor, e.g. 01")
    layout = fields.Char(help="户型, e.g. 3室2厅2卫")
    area = fields.Float(string="Floor Area (m²)", digits=(12, 2), required=True)
    list_price = fields.Monetary(required=True, tracking=True)
    # Not tracked in the chatter: every change of state is a line of the sales-control
    # register (U8), written in the same transaction.
    state = fields.Selection(
        UNIT_STATE, default="available", required=True, readonly=True, index=True
    )
    lock_ids = fields.One2many("property.unit.lock", "unit_id", string="Locks")
    active_lock_id = fields.Many2one(
        "property.unit.lock", compute="_compute_active_lock_id", string="Active Lock"
    )
    subscription_ids = fields.One2many("property.subscription", "unit_id", string="Subscriptions")
    lock_request_ids = fields.One2many(
        "property.unit.lock.request", "unit_id", string="Lock Requests"
    )

    # ------------------------------------------------------------------
    # COMPUTE METHODS
    # ------------------------------------------------------------------
    @api.depends("building_id.code", "floor", "number")
    def _compute_name(self):
        for unit in self:
            unit.name = f"{unit.building_id.code or ''}-{unit.floor:02d}{unit.number or ''}"

    @api.depends("lock_ids.state")
    def _compute_active_lock_id(self):
        for unit in self:
            unit.active_lock_id = unit.lock_ids.filtered(lambda lock: lock.state == "active")[:1]

    # ------------------------------------------------------------------
    # CRUD METHODS
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        check_values_list(self, vals_list, UNIT_LIMITS)
        return super().create(vals_list)

    def write(self, vals):
        check_values(self, vals, UNIT_LIMITS)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_sold(self):
        for unit in self:
            if unit.state != "available" or unit.lock_ids:
                raise UserError(
                    self.env._(
                        "Unit %(unit)s has locks or sales and cannot be deleted.",
                        unit=unit.display_name,
                    )
                )

    # ------------------------------------------------------------------
    # ACTION METHODS
    # ------------------------------------------------------------------
    def action_open_lock_wizard(self):
        self.ensure_one()
        self._check_may_lock()
        return {
            "type": "ir.actions.act_window",
            "res_model": "property.unit.lock.wizard",
            "name": self.env._("Lock Unit %(unit)s", unit=self.display_name),
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_unit_id": self.id},
        }

    def action_request_lock(self):
        """U5: a consultant asks the project secretaries for a lock, with the customer and
        the ID card number or the deposit the secretary needs (a lock request)."""
        self.ensure_one()
        self._check_role("property_sales.group_sales_consultant")
        return {
            "type": "ir.actions.act_window",
            "res_model": "property.unit.lock.request",
            "name": self.env._("Ask for a Lock of Unit %(unit)s", unit=self.display_name),
            "view_mode": "form",
            "views": [
                (self.env.ref("property_sales.property_unit_lock_request_view_form").id, "form")
            ],
            "target": "new",
            "context": {"default_unit_id": self.id},
        }

    def action_withhold(self):
        self._check_manager()
        self._lock_rows()
        for unit in self:
            if unit.state != "available":
                raise UserError(
                    self.env._(
                        "Only an available unit can be withheld; unit %(unit)s is %(state)s.",
                        unit=unit.display_name,
                        state=selection_label(unit, "state"),
                    )
                )
        self._set_state("withheld", "withhold")

    def action_make_available(self):
        self._check_manager()
        self._lock_rows()
        for unit in self:
            if unit.state != "withheld":
                raise UserError(
                    self.env._(
                        "Only a withheld unit can be put back on sale; unit %(unit)s is "
                        "%(state)s.",
                        unit=unit.display_name,
                        state=selection_label(unit, "state"),
                    )
                )
        self._set_state("available", "release_withheld")

    # ------------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------------
    def lock_unit(self, partner_id, id_number=None, deposit_id=None):
        """Lock this unit for a customer and return the new lock's id.

        U3/U5: only a project secretary or, in their absence, a contract clerk may lock;
        a clerk's lock notifies the marketing managers at once. U4: a customer and either
        the deposit received or the ID number of the ID card held. U6: the unit row is
        locked in PostgreSQL (``SELECT ... FOR UPDATE``) before its state is read, and a
        partial unique index allows one active lock per unit, so two simultaneous
        requests can never both succeed. U8: the lock is registered in the same
        transaction."""
        self.ensure_one()
        self._check_may_lock()
        partner = self.env["res.partner"].browse(partner_id).exists()
        if not partner:
            raise UserError(self.env._("A lock of unit %(unit)s needs a customer.", unit=self.name))
        deposit = self.env["property.deposit"].browse(deposit_id or []).exists()
        id_number = normalize_id_number(self.env, id_number)
        if not id_number and not deposit:
            raise UserError(
                self.env._(
                    "Unit %(unit)s: a lock needs the deposit received or the ID number of the "
                    "customer's ID card held.",
                    unit=self.name,
                )
            )
        if deposit:
            deposit._check_usable_for_lock(self, partner)
        state = self._lock_rows()[self.id]
        if state != "available":
            self._raise_not_lockable(state)
        lock = (
            self.env["property.unit.lock"]
            .sudo()
            ._create_active_lock(self, partner, id_number, deposit)
        )
        if not self.env.user.has_group("property_sales.group_project_secretary"):
            lock._notify_marketing_managers()
        return lock.id

    def _check_may_lock(self):
        """U3/U5: consultants ask, the secretary (or the clerk) locks and releases."""
        if not any(self.env.user.has_group(group) for group in LOCKING_GROUPS):
            raise AccessError(
                self.env._(
                    "Only the project secretary, or the contract clerk in the secretary's "
                    "absence, may lock or release units; %(user)s may ask for a lock instead.",
                    user=self.env.user.name,
                )
            )

    def _check_manager(self):
        self._check_role("property_sales.group_marketing_manager")

    def _lock_rows(self):
        """Take the PostgreSQL row lock of these units (U6) and return their current
        states, read under the lock. A concurrent transaction that changed them makes
        this one fail with a serialization error, which the RPC layer retries."""
        if not self:
            return {}
        self.flush_recordset()
        self.env.cr.execute(
            SQL(
                "SELECT id, state FROM property_unit WHERE id IN %s ORDER BY id FOR UPDATE",
                tuple(self.ids),
            )
        )
        states = dict(self.env.cr.fetchall())
        self.invalidate_recordset(["state"])
        return states

    def _raise_not_lockable(self, state):
        lock = (
            self.env["property.unit.lock"]
            .sudo()
            .search([("unit_id", "=", self.id), ("state", "=", "active")], limit=1)
        )
        if lock:
            raise UserError(lock._already_locked_message())
        raise UserError(
            self.env._(
                "Unit %(unit)s is %(state)s and cannot be locked.",
                unit=self.name,
                state=selection_label(self, "state", state),
            )
        )

    def _set_state(self, state, event, **log_values):
        """Move the units to ``state``, register the change (U8) and tell the charts. The
        state is not tracked in the chatter (the register is its history): no tracking
        work on this write."""
        with workflow_action():
            self.sudo().with_context(tracking_disable=True).write({"state": state})
        log = self.env["property.control.log"]
        for unit in self:
            log._record_event(event, unit, **log_values)
        self._notify_charts()

    def _chart_values(self):
        self.ensure_one()
        # pending lock requests matter on an available unit only (no query on a lock)
        requests = [
            {"id": request.id, "consultant": request.consultant_id.name}
            for request in (self.sudo().lock_request_ids if self.state == "available" else ())
            if request.state == "pending"
        ]
        return {
            "id": self.id,
            "name": self.name,
            "floor": self.floor,
            "number": self.number,
            "layout": self.layout,
            "area": self.area,
            "list_price": self.list_price,
            "state": self.state,
            # who asked for the unit, shown on the chart to every role
            "requests": requests,
            "requested_by": join_list(self.env, [request["consultant"] for request in requests]),
        }

    def _notify_charts(self):
        """Push the new states to the sales-control charts of their buildings."""
        bus = self.env["bus.bus"].sudo()
        for building in self.building_id:
            units = self.filtered(lambda unit, b=building: unit.building_id == b)
            bus._sendone(
                building._chart_channel(),
                "property_sales/units",
                {"units": [unit._chart_values() for unit in units]},
            )

    def _format_user_datetime(self, value):
        return format_datetime(self.env, value, tz=self.env.user.tz or "Asia/Shanghai")

    @api.model
    def _lock_expiry(self, project, start):
        return start + timedelta(hours=project.lock_validity_hours)
