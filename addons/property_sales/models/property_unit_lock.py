import logging

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL
from odoo.tools.sql import index_exists
from odoo.tools.translate import LazyTranslate

from odoo.addons.marketing_base.models.common import selection_label

from .common import PERSONAL_DATA_GROUPS, mask_id_number, mask_phone, schedule_for_group

_lt = LazyTranslate(__name__)

_logger = logging.getLogger(__name__)

LOCK_STATE = [
    ("active", "Active"),
    ("released", "Released"),
    ("expired", "Expired"),
    ("converted", "Converted"),
]


class PropertyUnitLock(models.Model):
    """A unit held for one customer (销控) until subscription or expiry (U3-U7). Locks are
    created only by ``property.unit.lock_unit``; at most one is active per unit, which a
    partial unique index guarantees in PostgreSQL (U6)."""

    _name = "property.unit.lock"
    _inherit = ("mail.thread", "mail.activity.mixin", "marketing.workflow.mixin")
    _description = "Unit Lock"
    _order = "date_lock desc, id desc"
    _check_company_auto = True
    _workflow_fields = dict.fromkeys(
        (
            "state",
            "unit_id",
            "partner_id",
            "consultant_id",
            "locked_by",
            "id_number",
            "deposit_id",
            "date_lock",
            "date_expiry",
            "date_end",
            "ended_by",
        ),
        _lt("the secretary's Lock and Release buttons and the automatic expiry"),
    )

    # ------------------------------------------------------------------
    # FIELDS
    # ------------------------------------------------------------------
    name = fields.Char(readonly=True, default="/", copy=False)
    unit_id = fields.Many2one(
        "property.unit",
        required=True,
        readonly=True,
        ondelete="restrict",
        index=True,
        check_company=True,
    )
    building_id = fields.Many2one(related="unit_id.building_id", store=True)
    project_id = fields.Many2one(related="unit_id.project_id", store=True)
    company_id = fields.Many2one(related="unit_id.company_id", store=True, index=True)
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, readonly=True, tracking=True
    )
    consultant_id = fields.Many2one("res.users", string="Consultant", readonly=True, tracking=True)
    locked_by = fields.Many2one("res.users", required=True, readonly=True)
    id_number = fields.Char(string="ID Card Number", readonly=True, groups=PERSONAL_DATA_GROUPS)
    id_number_masked = fields.Char(
        string="ID Card",
        compute="_compute_personal_data",
        help="The ID card number held, masked: only the secretary and the contract clerk, "
        "who hold the card, see it in full.",
    )
    partner_phone_masked = fields.Char(string="Customer Phone", compute="_compute_personal_data")
    deposit_id = fields.Many2one("property.deposit", readonly=True, check_company=True)
    date_lock = fields.Datetime(string="Locked At", required=True, readonly=True)
    date_expiry = fields.Datetime(string="Expires At", required=True, readonly=True, tracking=True)
    date_end = fields.Datetime(string="Ended At", readonly=True)
    ended_by = fields.Many2one("res.users", readonly=True)
    state = fields.Selection(
        LOCK_STATE, default="active", required=True, readonly=True, tracking=True, index=True
    )

    @api.depends("partner_id.phone")
    def _compute_personal_data(self):
        for lock, sudo_lock in zip(self, self.sudo(), strict=True):
            lock.id_number_masked = mask_id_number(sudo_lock.id_number)
            lock.partner_phone_masked = mask_phone(sudo_lock.partner_id.phone)

    def init(self):
        """U6: one active lock per unit, held by PostgreSQL itself."""
        index = "property_unit_lock_one_active_per_unit"
        if not index_exists(self.env.cr, index):
            self.env.cr.execute(
                SQL(
                    "CREATE UNIQUE INDEX %s ON %s (unit_id) WHERE state = 'active'",
                    SQL.identifier(index),
                    SQL.identifier(self._table),
                )
            )

    # ------------------------------------------------------------------
    # ACTION METHODS
    # ------------------------------------------------------------------
    def action_release(self):
        """U3: the secretary (or the clerk) releases an active lock; the unit is for sale
        again and the release is registered (U8)."""
        self.env["property.unit"]._check_may_lock()
        self.unit_id._lock_rows()
        self.invalidate_recordset(["state"])
        for lock in self:
            if lock.state != "active":
                raise UserError(
                    self.env._(
                        "Lock %(lock)s of unit %(unit)s is %(state)s: only an active lock "
                        "can be released.",
                        lock=lock.name,
                        unit=lock.unit_id.name,
                        state=selection_label(lock, "state"),
                    )
                )
        self.sudo()._end("released", "release")
        return True

    # ------------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------------
    @api.model
    def _create_active_lock(self, unit, partner, id_number, deposit):
        """Create the active lock of ``unit``, whose row the caller has locked and found
        available, move the unit to *locked* and register it (U8).

        A launch day locks hundreds of units at once, so a lock costs only its rows: the
        register is the lock's history, so its creation posts no chatter message, adds no
        follower and tracks nothing (``tracking_disable``); the number comes from the
        sequence of the unit's company. The partial unique index still refuses a second
        active lock (U6); with the unit's row locked and its state read under that lock,
        a concurrent lock of the same unit fails on the row lock and is retried, then
        refused with the clear "already locked" error."""
        now = fields.Datetime.now()
        user = self.env.user
        sequence = self.env["ir.sequence"].with_company(unit.company_id)
        vals = {
            "name": sequence.next_by_code("property.unit.lock") or "/",
            "unit_id": unit.id,
            # the unit's, given here so the row is inserted complete (no UPDATE after)
            "building_id": unit.building_id.id,
            "project_id": unit.project_id.id,
            "company_id": unit.company_id.id,
            "partner_id": partner.id,
            "consultant_id": (deposit.consultant_id or user).id,
            "locked_by": user.id,
            "id_number": id_number or False,
            "deposit_id": deposit.id or False,
            "date_lock": now,
            "date_expiry": unit._lock_expiry(unit.project_id, now),
        }
        lock = self.with_context(tracking_disable=True).create(vals).with_env(self.env)
        unit._set_state("locked", "lock", lock=lock)
        return lock

    def _already_locked_message(self):
        self.ensure_one()
        return self.env._(
            "Unit %(unit)s is already locked by %(user)s at %(date)s (for %(customer)s, "
            "until %(expiry)s).",
            unit=self.unit_id.name,
            user=self.locked_by.name,
            date=self.unit_id._format_user_datetime(self.date_lock),
            customer=self.partner_id.name,
            expiry=self.unit_id._format_user_datetime(self.date_expiry),
        )

    def _end(self, state, event):
        """End active locks as ``state``; their units are for sale again (U7, U8)."""
        self.write({"state": state, "date_end": fields.Datetime.now(), "ended_by": self.env.uid})
        for lock in self:
            lock.unit_id._set_state("available", event, lock=lock)

    def _convert(self, subscription):
        """The lock became a subscription: it stays on the register as converted."""
        self.sudo().write(
            {"state": "converted", "date_end": fields.Datetime.now(), "ended_by": self.env.uid}
        )

    def _notify_marketing_managers(self):
        """U3: a lock made in the secretary's absence notifies the marketing managers."""
        schedule_for_group(
            self,
            "property_sales.group_marketing_manager",
            lambda lock: lock.env._(
                "Unit %(unit)s locked by %(user)s in the secretary's absence",
                unit=lock.unit_id.name,
                user=lock.locked_by.name,
            ),
        )

    @api.model
    def _cron_release_expired(self):
        """U7: release every active lock past its expiry. Idempotent: a lock already
        ended, or converted meanwhile, is skipped; each release is registered (U8)."""
        expired = self.search(
            [("state", "=", "active"), ("date_expiry", "<=", fields.Datetime.now())]
        )
        if not expired:
            return 0
        expired.unit_id._lock_rows()
        expired.invalidate_recordset(["state"])
        expired = expired.filtered(lambda lock: lock.state == "active")
        expired._end("expired", "expire")
        _logger.info("Released %d expired unit locks: %s", len(expired), expired.mapped("name"))
        return len(expired)
