from odoo.exceptions import UserError


def check_state_write(records, vals):
    """States move only through the documents' action methods, which write them with
    the ``property_state_change`` context key (RPC writes of ``state`` are refused)."""
    if "state" in vals and not records.env.context.get("property_state_change"):
        raise UserError(
            records.env._(
                "The state of %(records)s changes only through its buttons.",
                records=", ".join(records.mapped("display_name")),
            )
        )


def schedule_for_group(records, group_xmlid, summary):
    """Give each user of the group (not the superuser) a to-do on every record, with
    ``summary(record)`` as its title: how U3, U5, D2 and D7 notify people at once."""
    users = (
        records.env.ref(group_xmlid).sudo().users.filtered(lambda user: not user._is_superuser())
    )
    for record in records.sudo():
        for user in users:
            record.activity_schedule(
                "mail.mail_activity_data_todo", user_id=user.id, summary=summary(record)
            )
