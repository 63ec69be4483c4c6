import math
import re

from odoo.exceptions import UserError, ValidationError

from odoo.addons.marketing_base.models.common import join_list

# GB 11643: weights of the first 17 digits and the check character of (sum mod 11)
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"
ID_PATTERN = re.compile(r"^\d{17}[\dX]$")

# Roles that hold the customer's ID card or sign the contract see full personal data (U4).
PERSONAL_DATA_GROUPS = "property_sales.group_project_secretary,property_sales.group_contract_clerk"


def schedule_for_group(records, group_xmlid, summary):
    """Give each user of the group (not the superuser) a to-do on every record, with
    ``summary(record)`` as its title, written in that user's language (``record.env._``):
    how U3 and U5 notify people at once."""
    users = (
        records.env.ref(group_xmlid).sudo().users.filtered(lambda user: not user._is_superuser())
    )
    for record in records.sudo():
        for user in users:
            record.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=user.id,
                summary=summary(record.with_context(lang=user.lang or record.env.lang)),
            )


def normalize_id_number(env, value, label=None):
    """Return the ID card number in its canonical form (upper-case X), or raise a clear
    error when it is not 18 characters with a valid GB 11643 check character (U4)."""
    number = (value or "").strip().upper()
    if not number:
        return False
    if not ID_PATTERN.match(number):
        raise ValidationError(
            env._(
                "%(field)s must be 18 characters: 17 digits and a check digit or X (got "
                "%(count)s characters).",
                field=label or env._("ID Card Number"),
                count=len(number),
            )
        )
    total = sum(int(digit) * weight for digit, weight in zip(number, ID_WEIGHTS, strict=False))
    if ID_CHECK[total % 11] != number[-1]:
        raise ValidationError(
            env._(
                "%(field)s %(masked)s has a wrong check digit: please check the number on "
                "the card.",
                field=label or env._("ID Card Number"),
                masked=mask_id_number(number),
            )
        )
    return number


def mask_id_number(number):
    """3301**********0418: the region and the last four characters only."""
    if not number:
        return False
    return number[:4] + "*" * max(len(number) - 8, 0) + number[-4:]


def mask_phone(phone):
    """138****1234: the first three and last four digits only."""
    if not phone:
        return False
    digits = re.sub(r"\D", "", phone)
    if len(digits) < 8:
        return "*" * len(digits)
    return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]


def check_values(records, vals, limits):
    """Refuse, with a message naming the field, values a business user cannot mean:
    numbers that are not numbers, not finite, or outside ``(low, high)``; texts longer
    than ``limits[field]`` characters."""
    env = records.env
    for fname, limit in limits.items():
        if fname not in vals or vals[fname] is False or vals[fname] is None:
            continue
        value = vals[fname]
        label = records._fields[fname]._description_string(env)
        if isinstance(limit, int):
            if isinstance(value, str) and len(value) > limit:
                raise UserError(
                    env._(
                        "%(field)s is too long: at most %(limit)s characters.",
                        field=label,
                        limit=limit,
                    )
                )
            continue
        low, high = limit
        try:
            number = float(value)
        except (TypeError, ValueError):
            number = math.nan
        if isinstance(value, bool) or not math.isfinite(number) or not low <= number <= high:
            raise UserError(
                env._(
                    "%(field)s must be a number from %(low)s to %(high)s (got %(value)s).",
                    field=label,
                    low=f"{low:,.2f}".rstrip("0").rstrip("."),
                    high=f"{high:,.2f}".rstrip("0").rstrip("."),
                    value=str(value)[:40],
                )
            )
        if records._fields[fname].type == "integer" and number != int(number):
            raise UserError(env._("%(field)s must be a whole number.", field=label))


def check_values_list(model, vals_list, limits):
    for vals in vals_list:
        check_values(model, vals, limits)


def check_consultant_change(records, vals):
    """The consultant of a customer's document is set when it is created; only the
    marketing manager hands a customer over to another consultant."""
    if "consultant_id" not in vals or records.env.su:
        return
    if records.env.user.has_group("property_sales.group_marketing_manager"):
        return
    changed = records.filtered(lambda record: record.consultant_id.id != vals["consultant_id"])
    if changed:
        raise UserError(
            records.env._(
                "%(records)s: only the marketing manager hands a customer over to another "
                "consultant.",
                records=join_list(records.env, changed.mapped("display_name")),
            )
        )
