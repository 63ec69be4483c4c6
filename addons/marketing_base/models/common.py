"""Helpers shared by the suite's modules."""

from odoo.exceptions import AccessError
from odoo.tools import format_amount


def selection_label(record, field_name, value=None):
    """The translated label of a selection value (the record's current one by default)."""
    field = record._fields[field_name]
    value = record[field_name] if value is None else value
    return dict(field._description_selection(record.env)).get(value, "")


def check_role(records, *group_xmlids):
    """Refuse an action unless the user has one of the groups (checked on the server,
    whatever the view shows); the superuser passes."""
    env = records.env
    if env.su or any(env.user.has_group(xmlid) for xmlid in group_xmlids):
        return
    names = [env.ref(xmlid).sudo().name for xmlid in group_xmlids]
    raise AccessError(
        env._(
            "Only %(roles)s may do this on %(document)s.",
            roles=join_list(env, names),
            document=records._description,
        )
    )


def join_list(env, items):
    """Items joined the way the user's language writes a list ("、" in Chinese)."""
    separator = "、" if (env.lang or "").startswith("zh") else ", "
    return separator.join(str(item) for item in items)


def format_money(env, amount, currency=None):
    """An amount as users read it in messages ("¥1,615,812.25"), in the company currency
    unless another is given."""
    return format_amount(env, amount, currency or env.company.currency_id)


def demo_env(records):
    """The records in the language of the demo company's users (the administrator's, when
    installed): Odoo loads demo data in English."""
    admin = records.env.ref("base.user_admin", raise_if_not_found=False)
    lang = admin.lang if admin else False
    if lang and records.env["res.lang"]._get_data(code=lang):
        return records.with_context(lang=lang)
    return records
