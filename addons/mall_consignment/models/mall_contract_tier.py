from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.marketing_base.models.common import format_money

from .mall_contract_terms import in_owner_write

TIER_LIMIT = 10_000_000_000.0


class MallContractTier(models.Model):
    """One bracket of a tiered commission (C9): sales from ``lower_bound`` up."""

    _name = "mall.contract.tier"
    _description = "Commission Bracket"
    _order = "lower_bound, id"

    contract_id = fields.Many2one("mall.contract", ondelete="cascade", index=True)
    amendment_id = fields.Many2one("mall.contract.amendment", ondelete="cascade", index=True)
    lower_bound = fields.Monetary(
        string="Monthly Sales From", required=True, currency_field="currency_id"
    )
    rate = fields.Float(string="Rate (%)", digits=(5, 2), required=True)
    currency_id = fields.Many2one(
        "res.currency", default=lambda self: self.env.company.currency_id, required=True
    )

    _sql_constraints = [
        (
            "one_owner",
            "CHECK((contract_id IS NULL) != (amendment_id IS NULL))",
            "A bracket belongs to a contract or to a supplementary agreement.",
        ),
    ]

    def _owners(self):
        return [owners for owners in (self.contract_id, self.amendment_id) if owners]

    def _raise_if_frozen(self):
        """C5, C6: the brackets of a signed contract or agreement never change."""
        frozen = self.contract_id.filtered(lambda c: c.state not in ("draft", "review"))[:1]
        frozen = frozen or self.amendment_id.filtered(lambda a: a.state != "draft")[:1]
        if frozen:
            raise UserError(
                self.env._(
                    "%(record)s is signed: its commission brackets change only through a "
                    "supplementary agreement.",
                    record=frozen.display_name,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        tiers = super().create(vals_list)
        if not in_owner_write():
            # Inside its owner's create or write, the owner guards its own terms.
            tiers._raise_if_frozen()
            for owners in tiers._owners():
                owners._check_tiers()
        return tiers

    def write(self, vals):
        if in_owner_write():
            return super().write(vals)
        self._raise_if_frozen()
        before = self._owners()
        result = super().write(vals)
        self._raise_if_frozen()
        for owners in before + self._owners():
            owners._check_tiers()
        return result

    def unlink(self):
        # Removing a bracket keeps the others in order; the owner's constraint checks
        # the set when it is written as a whole.
        if not in_owner_write():
            self._raise_if_frozen()
        return super().unlink()

    @api.constrains("rate", "lower_bound")
    def _check_rate(self):
        for tier in self:
            if not 0.0 <= tier.rate <= 100.0:
                raise ValidationError(
                    self.env._(
                        "A bracket rate must be between 0 and 100 (bracket from %(bound)s: "
                        "%(rate)s).",
                        bound=format_money(self.env, tier.lower_bound),
                        rate=tier.rate,
                    )
                )
            if tier.lower_bound < 0:
                raise ValidationError(self.env._("A commission bracket cannot start below 0."))
            if tier.lower_bound > TIER_LIMIT:
                raise ValidationError(
                    self.env._(
                        "%(field)s of a commission bracket must be at most %(limit)s.",
                        field=tier._fields["lower_bound"].get_description(self.env)["string"],
                        limit=format_money(self.env, TIER_LIMIT),
                    )
                )
