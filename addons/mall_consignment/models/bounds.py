"""Numbers that make sense: a value that is not a finite number (NaN, infinity) is
refused with a message naming the field before the ORM tries to round it."""

import math

from odoo.exceptions import ValidationError


def raise_if_not_finite(model, vals_list):
    """``vals_list``: the values of a create or write, checked on ``model``'s float and
    monetary fields."""
    for vals in vals_list:
        for name, value in vals.items():
            field = model._fields.get(name)
            if (
                field is not None
                and field.type in ("float", "monetary")
                and isinstance(value, float)
                and not math.isfinite(value)
            ):
                raise ValidationError(
                    model.env._(
                        "%(field)s must be a finite number, not %(value)s.",
                        field=field.get_description(model.env)["string"],
                        value=value,
                    )
                )
