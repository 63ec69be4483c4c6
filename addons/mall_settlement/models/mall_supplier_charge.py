from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .mall_charge_type import CHARGE_TYPES

# Statement states in which a linked charge is consumed and frozen (T5).
CONSUMED_STATES = ("sent", "disputed", "confirmed", "invoiced", "paid")


class MallSupplierCharge(models.Model):
    """A cost the mall charges a supplier (T5): electricity, wages, promotion share…
    It is settled by exactly one statement of the period its date falls in."""

    _name = "mall.supplier.charge"
    _description = "Supplier Charge"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"

    contract_id = fields.Many2one(
        "mall.contract",
        required=True,
        index=True,
        tracking=True,
        domain="[('contract_type', '=', 'consignment'), ('company_id', '=', company_id)]",
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Supplier",
        compute="_compute_partner_id",
        store=True,
        readonly=False,
        index=True,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    charge_type = fields.Selection(CHARGE_TYPES, required=True, tracking=True)
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    amount = fields.Monetary(required=True, tracking=True)
    description = fields.Char()
    statement_id = fields.Many2one(
        "mall.settlement.statement",
        string="Statement",
        index=True,
        readonly=True,
        copy=False,
        ondelete="set null",
        tracking=True,
    )
    generated = fields.Boolean(
        readonly=True,
        copy=False,
        help="Generated at preparation from the contract terms (rebate, staff wages, "
        "sponsorship); regenerated when a draft statement is prepared again.",
    )

    @api.depends("contract_id")
    def _compute_partner_id(self):
        for charge in self:
            charge.partner_id = charge.contract_id.partner_id

    @api.constrains("amount")
    def _check_amount(self):
        for charge in self:
            if charge.amount < 0:
                raise ValidationError(self.env._("A supplier charge cannot be negative."))

    def _check_period_open(self):
        """T5: no charge is added to (or moved into) a closed period."""
        if not self:
            return
        dates = self.mapped("date")
        closed = (
            self.env["mall.settlement.period"]
            .sudo()
            .search(
                [
                    ("company_id", "in", self.company_id.ids),
                    ("state", "=", "closed"),
                    ("date_from", "<=", max(dates)),
                    ("date_to", ">=", min(dates)),
                ]
            )
        )
        for charge in self:
            for period in closed:
                if (
                    period.company_id == charge.company_id
                    and period.date_from <= charge.date <= period.date_to
                ):
                    raise UserError(
                        self.env._(
                            "Settlement period %(period)s is closed: no charge dated %(date)s "
                            "can be added to it.",
                            period=period.name,
                            date=charge.date,
                        )
                    )

    def _check_not_consumed(self):
        consumed = self.filtered(lambda c: c.statement_id.state in CONSUMED_STATES)
        if consumed:
            raise UserError(
                self.env._(
                    "Charge %(charge)s is settled by statement %(statement)s and cannot change.",
                    charge=consumed[0].display_name,
                    statement=consumed[0].statement_id.name,
                )
            )

    @api.depends("charge_type", "amount", "date")
    def _compute_display_name(self):
        labels = dict(self._fields["charge_type"]._description_selection(self.env))
        for charge in self:
            charge.display_name = f"{labels.get(charge.charge_type, '')} {charge.date or ''}"

    @api.model_create_multi
    def create(self, vals_list):
        charges = super().create(vals_list)
        charges._check_period_open()
        return charges

    def write(self, vals):
        self._check_not_consumed()
        if "statement_id" in vals and vals["statement_id"]:
            statement = self.env["mall.settlement.statement"].browse(vals["statement_id"])
            if statement.state != "draft":
                raise UserError(
                    self.env._(
                        "Statement %(statement)s is no longer a draft: charges cannot be "
                        "added to it.",
                        statement=statement.name,
                    )
                )
        result = super().write(vals)
        if {"date", "company_id"} & set(vals):
            self._check_period_open()
        return result

    def unlink(self):
        self._check_not_consumed()
        return super().unlink()
