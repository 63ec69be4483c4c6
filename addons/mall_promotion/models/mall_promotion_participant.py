from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

ASSISTANT = "mall_consignment.group_marketing_assistant"


class MallPromotionParticipant(models.Model):
    """A participating contract of a promotion: its fixed amount (fixed allocation)
    and the supplier's acceptance of the promotion's terms (share p, rate, method)."""

    _name = "mall.promotion.participant"
    _description = "Promotion Participant"
    _order = "promotion_id, contract_id"

    promotion_id = fields.Many2one("mall.promotion", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="promotion_id.company_id", store=True)
    currency_id = fields.Many2one(related="promotion_id.currency_id")
    contract_id = fields.Many2one("mall.contract", required=True, index=True)
    partner_id = fields.Many2one(
        related="contract_id.partner_id", store=True, string="Supplier", index=True
    )
    brand_id = fields.Many2one(related="contract_id.brand_id", string="Brand")
    fixed_amount = fields.Monetary(
        help="With the fixed allocation method: what this supplier bears."
    )
    has_commission_rate = fields.Boolean(
        string="Own Commission Rate",
        compute="_compute_has_commission_rate",
        store=True,
        readonly=False,
        help="This contract's sales inside the promotion are charged at its own promotion "
        "rate instead of the promotion's.",
    )
    commission_rate = fields.Float(
        string="Contract's Promotion Rate (%)",
        digits=(5, 2),
        help="Empty: the promotion's commission rate applies (when it sets one).",
    )
    state = fields.Selection(
        [("pending", "Awaiting Acceptance"), ("accepted", "Accepted"), ("refused", "Refused")],
        default="pending",
        required=True,
        readonly=True,
    )
    decided_by_id = fields.Many2one("res.users", string="Decided By", readonly=True)
    refusal_reason = fields.Char()

    _sql_constraints = [
        (
            "promotion_contract_uniq",
            "unique(promotion_id, contract_id)",
            "A contract takes part in a promotion once.",
        )
    ]

    @api.depends("commission_rate")
    def _compute_has_commission_rate(self):
        for line in self:
            line.has_commission_rate = bool(line.commission_rate)

    @api.constrains("fixed_amount")
    def _check_fixed_amount(self):
        for line in self:
            if line.fixed_amount < 0:
                raise ValidationError(
                    self.env._(
                        "The fixed amount of %(supplier)s cannot be negative.",
                        supplier=line.partner_id.name,
                    )
                )

    @api.constrains("commission_rate")
    def _check_commission_rate(self):
        for line in self:
            if not 0.0 <= line.commission_rate <= 100.0:
                raise ValidationError(
                    self.env._(
                        "The promotion commission rate of contract %(contract)s must be "
                        "between 0 and 100 (%(value)s).",
                        contract=line.contract_id.name,
                        value=line.commission_rate,
                    )
                )

    def write(self, vals):
        terms = {"fixed_amount", "commission_rate", "has_commission_rate"} & set(vals)
        if terms and not self.env.su:
            locked = self.filtered(lambda p: p.promotion_id.state != "draft")
            if locked:
                raise UserError(
                    self.env._(
                        "Promotion %(name)s is no longer a draft: the fixed amounts and the "
                        "contracts' commission rates no longer change.",
                        name=locked[0].promotion_id.name,
                    )
                )
        return super().write(vals)

    def _check_decider(self):
        """The supplier's own portal contact, or the marketing department."""
        user = self.env.user
        if user.share:
            supplier = user.commercial_partner_id
            if any(line.partner_id.commercial_partner_id != supplier for line in self):
                raise AccessError(self.env._("Only the supplier of this promotion may do this."))
        elif not user.has_group(ASSISTANT):
            raise AccessError(
                self.env._("Only the supplier or the marketing department may do this.")
            )
        for line in self.sudo():
            if line.promotion_id.state not in ("draft", "review"):
                raise UserError(
                    self.env._(
                        "Promotion %(name)s is already decided: acceptances no longer change.",
                        name=line.promotion_id.name,
                    )
                )

    def action_accept(self):
        """The supplier accepts the promotion's terms (on the portal)."""
        self._check_decider()
        self.sudo().write({"state": "accepted", "decided_by_id": self.env.uid})
        for line in self.sudo():
            line.promotion_id.message_post(
                body=self.env._(
                    "%(supplier)s accepted the promotion (%(user)s).",
                    supplier=line.partner_id.name,
                    user=self.env.user.name,
                )
            )
        return True

    def action_refuse(self, reason=None):
        """The supplier refuses: it takes no part and bears no cost."""
        self._check_decider()
        self.sudo().write(
            {
                "state": "refused",
                "decided_by_id": self.env.uid,
                "refusal_reason": reason or self[:1].refusal_reason,
            }
        )
        for line in self.sudo():
            line.promotion_id.message_post(
                body=self.env._(
                    "%(supplier)s refused the promotion (%(user)s).",
                    supplier=line.partner_id.name,
                    user=self.env.user.name,
                )
            )
        return True

    def _running_estimates(self):
        """{line id: the supplier's estimated share}: the allocation as it would be
        with the sales so far (by net sales), the equal part, or the fixed amount; the
        allocated amount once allocated."""
        result = {}
        for promotion, lines in self.grouped("promotion_id").items():
            if promotion.allocation_ids:
                amounts = {a.contract_id.id: a.amount for a in promotion.allocation_ids}
            else:
                try:
                    values = promotion.sudo()._allocation_values()
                except UserError:
                    values = []
                amounts = {vals["contract_id"]: vals["amount"] for vals in values}
            for line in lines:
                result[line.id] = amounts.get(line.contract_id.id, 0.0)
        return result
