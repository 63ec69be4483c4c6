from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


class MallContractAmendment(models.Model):
    """Supplementary agreement (补充协议, C6): a new version of a signed contract's terms
    from its effective date on, signed and stamped by both parties."""

    _name = "mall.contract.amendment"
    _description = "Supplementary Agreement"
    _inherit = ["mall.contract.terms", "mail.thread", "mail.activity.mixin"]
    _order = "date_effective desc, id desc"

    name = fields.Char(string="Number", required=True, copy=False, readonly=True, default="/")
    contract_id = fields.Many2one(
        "mall.contract", required=True, ondelete="cascade", index=True, tracking=True
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
            if contract and contract.state not in ("signed", "active"):
                raise UserError(
                    self.env._(
                        "Contract %(contract)s is not in force: change the draft instead of "
                        "adding a supplementary agreement.",
                        contract=contract.display_name,
                    )
                )
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
        if set(self.TERM_FIELDS) & set(vals) and any(a.state != "draft" for a in self):
            raise UserError(self.env._("A signed supplementary agreement cannot change."))
        return super().write(vals)

    def action_sign(self):
        if not self.env.user.has_group("mall_consignment.group_marketing_head"):
            raise AccessError(self.env._("Only the Marketing Head signs supplementary agreements."))
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
        self.write({"state": "signed", "signed_by_id": self.env.user.id})
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
        if any(amendment.state != "draft" for amendment in self):
            raise UserError(self.env._("Only draft supplementary agreements can be cancelled."))
        self.write({"state": "cancelled"})
        return True
