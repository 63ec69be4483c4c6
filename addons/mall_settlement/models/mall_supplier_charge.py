from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from odoo.addons.marketing_base.models.marketing_workflow_mixin import workflow_action

_lt = LazyTranslate(__name__)

# Statement states in which a linked charge is consumed and frozen (T5).
CONSUMED_STATES = ("sent", "disputed", "supplier_confirmed", "confirmed", "invoiced", "paid")
ACCOUNTANT_GROUP = "mall_consignment.group_floor_accountant"


class MallSupplierCharge(models.Model):
    """A cost the mall charges a supplier (T5): electricity, wages, promotion share…
    It is settled by exactly one statement of the period its date falls in; a charge
    dated in a period whose statement for the contract has left draft is refused (T2)."""

    _name = "mall.supplier.charge"
    _description = "Supplier Charge"
    _inherit = ["mail.thread", "marketing.workflow.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    _workflow_fields = {
        "state": _lt("the preparation and the confirmation of the settlement statement"),
        "statement_id": _lt("the Prepare Statements button of the settlement period"),
        "generated": _lt("the Prepare Statements button of the settlement period"),
    }

    contract_id = fields.Many2one(
        "mall.contract",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
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
        check_company=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    charge_type_id = fields.Many2one(
        "mall.charge.type",
        string="Charge Type",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
    )
    charge_code = fields.Char(related="charge_type_id.code", store=True, string="Type Code")
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    amount = fields.Monetary(required=True, tracking=True)
    signed_amount = fields.Monetary(
        compute="_compute_signed_amount",
        store=True,
        help="What the charge deducts from the payable amount (a credit is negative).",
    )
    description = fields.Char()
    statement_id = fields.Many2one(
        "mall.settlement.statement",
        string="Statement",
        index=True,
        readonly=True,
        copy=False,
        ondelete="set null",
        tracking=True,
        check_company=True,
    )
    state = fields.Selection(
        [("open", "Open"), ("settled", "Settled")],
        compute="_compute_state",
        store=True,
        index=True,
        help="Settled once the statement that carries it has been sent to the supplier.",
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

    @api.depends("amount", "charge_type_id.sign")
    def _compute_signed_amount(self):
        for charge in self:
            factor = charge.charge_type_id._factor() if charge.charge_type_id else 1
            charge.signed_amount = factor * charge.amount

    @api.depends("statement_id.state")
    def _compute_state(self):
        for charge in self:
            consumed = charge.statement_id.state in CONSUMED_STATES
            charge.state = "settled" if consumed else "open"

    @api.constrains("amount")
    def _check_amount(self):
        for charge in self:
            if charge.amount < 0:
                raise ValidationError(
                    self.env._(
                        "Supplier charge %(charge)s: the amount cannot be negative; use a "
                        "charge type credited to the supplier instead.",
                        charge=charge.display_name,
                    )
                )

    def _check_period_open(self):
        """T2/T5: no charge is added to, moved into or taken out of a period whose
        statement for the contract has left draft (or a period under reconciliation or
        closed): it would fall between two statements."""
        self.env["mall.settlement.period"]._raise_if_settled(
            self.company_id, self.mapped("date"), charges=self
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

    @api.depends("charge_type_id", "amount", "date")
    def _compute_display_name(self):
        for charge in self:
            charge.display_name = f"{charge.charge_type_id.name or ''} {charge.date or ''}".strip()

    @api.model_create_multi
    def create(self, vals_list):
        charges = super().create(vals_list)
        charges._check_period_open()
        return charges

    def write(self, vals):
        self._check_not_consumed()
        if {"date", "company_id", "contract_id", "amount", "charge_type_id"} & set(vals):
            self._check_period_open()
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
        if {"date", "company_id", "contract_id"} & set(vals):
            self._check_period_open()
        return result

    def unlink(self):
        self._check_not_consumed()
        self._check_period_open()
        return super().unlink()

    def _detach(self):
        """Take charges off their draft statement (preparation recomputes it)."""
        with workflow_action():
            self.write({"statement_id": False})
