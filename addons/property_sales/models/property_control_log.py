from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.base.models.ir_model import MODULE_UNINSTALL_FLAG
from odoo.addons.marketing_base.models.common import join_list

LOG_EVENT = [
    ("lock", "Lock"),
    ("release", "Release"),
    ("expire", "Expiry Release"),
    ("withhold", "Withheld"),
    ("release_withheld", "Back on Sale"),
    ("deposit", "Deposit Received"),
    ("deposit_refund", "Deposit Refunded"),
    ("subscribe", "Subscription"),
    ("temporary", "Temporary Subscription"),
    ("topup", "Deposit Topped Up"),
    ("discount", "Discount Approved"),
    ("contract", "Contract"),
    ("deliver", "Delivery"),
    ("change", "Unit Change"),
    ("return", "Return"),
]


class PropertyControlLog(models.Model):
    """The sales-control register (销控登记表, U8): one line per lock, release,
    subscription, contract, change and return, with who and when. Lines are written only
    by the business methods, in the same transaction as the change they record, and can
    never be edited or deleted, not even by an administrator."""

    _name = "property.control.log"
    _description = "Sales-Control Register"
    _order = "date desc, id desc"
    _log_access = True

    date = fields.Datetime(required=True, readonly=True, index=True)
    event = fields.Selection(LOG_EVENT, required=True, readonly=True, index=True)
    user_id = fields.Many2one("res.users", string="By", required=True, readonly=True)
    unit_id = fields.Many2one(
        "property.unit", required=True, readonly=True, ondelete="restrict", index=True
    )
    building_id = fields.Many2one("property.building", readonly=True, index=True)
    project_id = fields.Many2one("property.project", readonly=True, index=True)
    company_id = fields.Many2one("res.company", required=True, readonly=True, index=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    lock_id = fields.Many2one("property.unit.lock", readonly=True)
    subscription_id = fields.Many2one("property.subscription", readonly=True)
    deposit_id = fields.Many2one("property.deposit", readonly=True)
    unit_state = fields.Selection(
        related="unit_id.state", string="Current Unit State", readonly=True
    )
    note = fields.Char(readonly=True)

    # ------------------------------------------------------------------
    # CRUD METHODS
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.context.get("property_control_log_internal"):
            raise UserError(
                self.env._(
                    "The sales-control register is written by the system only, when a unit "
                    "is locked, released, subscribed, contracted, changed or returned."
                )
            )
        return super().create(vals_list)

    def write(self, vals):
        if not self:
            return super().write(vals)
        raise UserError(
            self.env._(
                "The sales-control register cannot be edited (entries: %(entries)s).",
                entries=join_list(self.env, self.ids),
            )
        )

    def unlink(self):
        if self.env.context.get(MODULE_UNINSTALL_FLAG):
            return super().unlink()
        raise UserError(
            self.env._(
                "The sales-control register cannot be deleted (entries: %(entries)s).",
                entries=join_list(self.env, self.ids),
            )
        )

    # ------------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------------
    @api.model
    def _record_event(self, event, unit, lock=None, subscription=None, deposit=None, note=None):
        """Append one line to the register, in the caller's transaction (U8)."""
        document = subscription or lock or deposit
        partner = document.partner_id if document else self.env["res.partner"]
        return (
            self.sudo()
            .with_context(property_control_log_internal=True)
            .create(
                {
                    "date": fields.Datetime.now(),
                    "event": event,
                    "user_id": self.env.uid,
                    "unit_id": unit.id,
                    "building_id": unit.building_id.id,
                    "project_id": unit.project_id.id,
                    "company_id": unit.company_id.id,
                    "partner_id": partner.id,
                    "lock_id": lock.id if lock else False,
                    "subscription_id": subscription.id if subscription else False,
                    "deposit_id": deposit.id if deposit else False,
                    "note": note or False,
                }
            )
        )
