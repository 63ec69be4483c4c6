from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from odoo.addons.marketing_base.models.common import join_list

_lt = LazyTranslate(__name__)


class MallContractAmendment(models.Model):
    """Supplementary agreement (补充协议, C6): a new version of a signed contract's terms
    from its effective date on, signed and stamped by both parties."""

    _name = "mall.contract.amendment"
    _description = "Supplementary Agreement"
    _inherit = [
        "mall.contract.terms",
        "mail.thread",
        "mail.activity.mixin",
        "marketing.workflow.mixin",
    ]
    _order = "date_effective desc, id desc"
    _check_company_auto = True
    _workflow_fields = {
        "state": _lt("the Sign and Cancel buttons"),
        "signed_by_id": _lt("the Sign button"),
    }
    # What a signed (or cancelled) agreement never changes.
    FROZEN_FIELDS = ("contract_id", "date_effective", "reason", "supplier_stamped")

    name = fields.Char(string="Number", required=True, copy=False, readonly=True, default="/")
    contract_id = fields.Many2one(
        "mall.contract",
        required=True,
        ondelete="cascade",
        index=True,
        tracking=True,
        check_company=True,
    )
    partner_id = fields.Many2one(related="contract_id.partner_id", store=True)
    company_id = fields.Many2one(related="contract_id.company_id", store=True)
    date_effective = fields.Date(string="Effective From", required=True, tracking=True)
    reason = fields.Text(required=True)
    tier_ids = fields.One2many("mall.contract.tier", "amendment_id", string="Commission Brackets")
    supplier_stamped = fields.Boolean(
        string="Stamped by the Supplier", help="The supplier has signed and stamped it."
    )
    state = fields.Selection(
        [("draft", "Draft"), ("signed", "Signed"), ("cancelled", "Cancelled")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    signed_by_id = fields.Many2one("res.users", string="Signed By", readonly=True, copy=False)

    @api.model_create_multi
    def create(self, vals_list):
        vals_list = [dict(vals) for vals in vals_list]
        for index, vals in enumerate(vals_list):
            contract = self.env["mall.contract"].browse(vals.get("contract_id"))
            contract._raise_if_not_amendable()
            if contract and not any(name in vals for name in ("commission_mode", "tier_ids")):
                # Start from the terms in force on the effective date.
                terms = contract._terms_on(vals.get("date_effective"))
                vals = vals_list[index] = {**terms._terms_values(), **vals}
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("mall.contract.amendment")
        return super().create(vals_list)

    @api.onchange("contract_id", "date_effective")
    def _onchange_contract_id(self):
        if self.contract_id and self.state == "draft":
            terms = self.contract_id._terms_on(self.date_effective)
            values = terms._terms_values()
            values["tier_ids"] = [(5, 0, 0)] + values["tier_ids"]
            self.update(values)

    def write(self, vals):
        frozen = (set(self.TERM_FIELDS) | set(self.FROZEN_FIELDS)) & set(vals)
        done = self.filtered(lambda a: a.state != "draft")
        if frozen and done:
            raise UserError(
                self.env._(
                    "Supplementary agreement %(name)s is %(state)s: it cannot change any more "
                    "(%(fields)s).",
                    name=done[0].display_name,
                    state=dict(self._fields["state"]._description_selection(self.env))[
                        done[0].state
                    ],
                    fields=join_list(
                        self.env,
                        [
                            self._fields[name].get_description(self.env)["string"]
                            for name in sorted(frozen)
                        ],
                    ),
                )
            )
        if vals.get("contract_id"):
            self.env["mall.contract"].browse(vals["contract_id"])._raise_if_not_amendable()
        return super().write(vals)

    @api.constrains("date_effective", "contract_id")
    def _check_date_effective(self):
        for amendment in self:
            if amendment.date_effective < amendment.contract_id.date_start:
                raise ValidationError(
                    self.env._(
                        "%(name)s takes effect on %(date)s, before its contract starts "
                        "(%(start)s).",
                        name=amendment.display_name,
                        date=amendment.date_effective,
                        start=amendment.contract_id.date_start,
                    )
                )

    def action_sign(self):
        self._check_role("mall_consignment.group_marketing_head")
        for amendment in self:
            if amendment.state != "draft":
                raise UserError(self.env._("%(name)s is not a draft.", name=amendment.display_name))
            if not amendment.supplier_stamped:
                raise UserError(
                    self.env._(
                        "%(name)s must be signed and stamped by the supplier first.",
                        name=amendment.display_name,
                    )
                )
            if amendment.date_effective < amendment.contract_id.date_start:
                raise UserError(
                    self.env._(
                        "%(name)s takes effect before its contract starts.",
                        name=amendment.display_name,
                    )
                )
        self._workflow_write({"state": "signed", "signed_by_id": self.env.user.id})
        for amendment in self:
            amendment.contract_id.message_post(
                body=self.env._(
                    "Supplementary agreement %(name)s signed, effective %(date)s.",
                    name=amendment.name,
                    date=amendment.date_effective,
                )
            )
        return True

    def action_cancel(self):
        self._check_role("mall_consignment.group_contract_admin")
        if any(amendment.state != "draft" for amendment in self):
            raise UserError(self.env._("Only draft supplementary agreements can be cancelled."))
        self._workflow_write({"state": "cancelled"})
        return True
