from odoo import api, fields, models
from odoo.exceptions import ValidationError


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

    @api.constrains("rate", "lower_bound")
    def _check_rate(self):
        for tier in self:
            if not 0.0 <= tier.rate <= 100.0:
                raise ValidationError(
                    self.env._(
                        "A bracket rate must be between 0 and 100 (bracket from %(bound)s: "
                        "%(rate)s).",
                        bound=tier.lower_bound,
                        rate=tier.rate,
                    )
                )
            if tier.lower_bound < 0:
                raise ValidationError(self.env._("A commission bracket cannot start below 0."))
