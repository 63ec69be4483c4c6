import contextlib
import contextvars
from decimal import ROUND_HALF_UP, Decimal

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.marketing_base.models.common import format_money

from .bounds import raise_if_not_finite

COMMISSION_MODES = [
    ("flat", "Flat Rate"),
    ("progressive", "Tiered Progressive"),
    ("whole", "Tiered Whole Amount"),
]
CENT = Decimal("0.01")
MONEY_LIMIT = 10_000_000_000.0  # a term beyond ten billion is a typing error
# Set while a contract or agreement writes its brackets as a whole: its own constraint
# checks them once at the end, not after each bracket.
_BRACKETS_OF_OWNER = contextvars.ContextVar("mall_brackets_of_owner", default=False)


@contextlib.contextmanager
def brackets_of_owner():
    token = _BRACKETS_OF_OWNER.set(True)
    try:
        yield
    finally:
        _BRACKETS_OF_OWNER.reset(token)


def in_owner_write():
    return _BRACKETS_OF_OWNER.get()


def to_decimal(value):
    """A money float as the decimal it was typed as (``str`` drops binary noise)."""
    return Decimal(str(value or 0.0))


def to_cents(value):
    return float(Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP))


class MallContractTerms(models.AbstractModel):
    """The commercial terms of a contract (C4, C9) shared by the contract and its
    supplementary agreements (C6): a settlement reads the set in force on a date."""

    _name = "mall.contract.terms"
    _description = "Mall Contract Terms"

    # Fields a signed contract never changes: only a supplementary agreement does (C5, C6).
    TERM_FIELDS = (
        "commission_mode",
        "commission_rate",
        "tier_ids",
        "monthly_target",
        "discount_share_ratio",
        "sponsorship_fee",
        "sponsorship_frequency",
        "rebate_rate",
        "quality_deposit",
        "staff_wage_cost",
        "delay_penalty_daily",
    )

    currency_id = fields.Many2one(
        "res.currency", required=True, default=lambda self: self.env.company.currency_id
    )
    commission_mode = fields.Selection(
        COMMISSION_MODES, required=True, default="flat", tracking=True
    )
    commission_rate = fields.Float(
        string="Commission Rate (%)",
        digits=(5, 2),
        tracking=True,
        help="The base rate (扣点): the flat rate, or for tiered modes the first bracket's rate.",
    )
    monthly_target = fields.Monetary(string="Monthly Sales Target", tracking=True)
    discount_share_ratio = fields.Float(
        string="Discount Borne by Supplier (%)",
        digits=(5, 2),
        tracking=True,
        help="Share of a till discount the supplier bears (让利分担比例); the mall bears the rest.",
    )
    sponsorship_fee = fields.Monetary(tracking=True)
    sponsorship_frequency = fields.Selection(
        [("once", "Once"), ("monthly", "Monthly"), ("yearly", "Yearly")],
        required=True,
        default="monthly",
        tracking=True,
        help="How often the settlement charges the sponsorship fee: once (in the first "
        "period of the contract), every month, or once a year.",
    )
    rebate_rate = fields.Float(string="Rebate Rate (%)", digits=(5, 2), tracking=True)
    quality_deposit = fields.Monetary(tracking=True)
    staff_wage_cost = fields.Monetary(string="Monthly Staff Wage Cost", tracking=True)
    delay_penalty_daily = fields.Monetary(string="Exit Delay Penalty per Day", tracking=True)

    @api.model_create_multi
    def create(self, vals_list):
        raise_if_not_finite(self, vals_list)
        with brackets_of_owner():
            return super().create(vals_list)

    def write(self, vals):
        raise_if_not_finite(self, [vals])
        if "tier_ids" in vals:
            with brackets_of_owner():
                return super().write(vals)
        return super().write(vals)

    @api.constrains(
        "commission_rate",
        "discount_share_ratio",
        "rebate_rate",
        "monthly_target",
        "sponsorship_fee",
        "quality_deposit",
        "staff_wage_cost",
        "delay_penalty_daily",
    )
    def _check_term_values(self):
        for terms in self:
            for name in ("commission_rate", "discount_share_ratio", "rebate_rate"):
                if not 0.0 <= terms[name] <= 100.0:
                    raise ValidationError(
                        self.env._(
                            "%(field)s must be between 0 and 100 (%(record)s: %(value)s).",
                            field=terms._fields[name].get_description(self.env)["string"],
                            record=terms.display_name,
                            value=terms[name],
                        )
                    )
            for name in (
                "monthly_target",
                "sponsorship_fee",
                "quality_deposit",
                "staff_wage_cost",
                "delay_penalty_daily",
            ):
                if terms[name] < 0:
                    raise ValidationError(
                        self.env._(
                            "%(field)s cannot be negative (%(record)s).",
                            field=terms._fields[name].get_description(self.env)["string"],
                            record=terms.display_name,
                        )
                    )
                if terms[name] > MONEY_LIMIT:
                    raise ValidationError(
                        self.env._(
                            "%(field)s must be at most %(limit)s (%(record)s).",
                            field=terms._fields[name].get_description(self.env)["string"],
                            limit=format_money(self.env, MONEY_LIMIT),
                            record=terms.display_name,
                        )
                    )

    @api.constrains("commission_mode", "tier_ids")
    def _check_tiers(self):
        for terms in self:
            if terms.commission_mode == "flat":
                continue
            bounds = [tier.lower_bound for tier in terms.tier_ids.sorted("lower_bound")]
            if not bounds:
                raise ValidationError(
                    self.env._(
                        "%(record)s: a tiered commission needs at least one bracket.",
                        record=terms.display_name,
                    )
                )
            if bounds[0] != 0:
                raise ValidationError(
                    self.env._(
                        "%(record)s: the first commission bracket must start at 0.",
                        record=terms.display_name,
                    )
                )
            if len(set(bounds)) != len(bounds):
                raise ValidationError(
                    self.env._(
                        "%(record)s: commission brackets overlap: two start at the same amount.",
                        record=terms.display_name,
                    )
                )
            rates = [tier.rate for tier in terms.tier_ids.sorted("lower_bound")]
            if rates != sorted(rates):
                raise ValidationError(
                    self.env._(
                        "%(record)s: bracket rates must not decrease as sales grow.",
                        record=terms.display_name,
                    )
                )

    def _brackets(self):
        """[(lower bound, rate)] as decimals, increasing."""
        self.ensure_one()
        return [
            (to_decimal(tier.lower_bound), to_decimal(tier.rate))
            for tier in self.tier_ids.sorted("lower_bound")
        ]

    def _base_rate(self):
        """T4's base rate (percent): the flat rate or the first bracket's rate."""
        self.ensure_one()
        if self.commission_mode == "flat" or not self.tier_ids:
            return self.commission_rate
        return self.tier_ids.sorted("lower_bound")[0].rate

    def _commission_on(self, amount):
        """Commission on a net sales amount by these terms (C9), to the cent."""
        self.ensure_one()
        amount = to_decimal(amount)
        if self.commission_mode == "flat" or not self.tier_ids:
            return to_cents(amount * to_decimal(self.commission_rate) / 100)
        brackets = self._brackets()
        if self.commission_mode == "whole":
            rate = brackets[0][1]
            for lower, bracket_rate in brackets:
                if amount >= lower:
                    rate = bracket_rate
            return to_cents(amount * rate / 100)
        commission = Decimal(0)
        uppers = [lower for lower, _rate in brackets[1:]] + [None]
        for (lower, rate), upper in zip(brackets, uppers, strict=True):
            if amount <= lower:
                break
            part = (min(amount, upper) if upper is not None else amount) - lower
            commission += part * rate / 100
        return to_cents(commission)

    def _terms_values(self):
        """The terms as values for a new supplementary agreement."""
        self.ensure_one()
        values = {name: self[name] for name in self.TERM_FIELDS if name != "tier_ids"}
        values["tier_ids"] = [
            (0, 0, {"lower_bound": tier.lower_bound, "rate": tier.rate}) for tier in self.tier_ids
        ]
        return values
