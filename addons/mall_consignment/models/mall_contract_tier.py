from odoo import fields, models


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
        ("rate_range", "CHECK(rate >= 0 AND rate <= 100)", "A bracket rate must be 0-100%."),
        ("lower_bound_positive", "CHECK(lower_bound >= 0)", "A bracket cannot start below 0."),
        (
            "one_owner",
            "CHECK((contract_id IS NULL) != (amendment_id IS NULL))",
            "A bracket belongs to a contract or to a supplementary agreement.",
        ),
    ]
