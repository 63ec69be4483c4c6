"""One guard for every workflow of the suite.

A record's ``state`` and the fields its actions set (signer, approver, confirmation date,
posted documents, ...) change only inside the model's own actions. The actions run their
writes inside :func:`workflow_action`, a Python context variable that no RPC caller and no
``context`` key can set; everything else (``write``, ``create`` over XML-RPC or JSON-RPC, an
import) is refused with an error naming the action to use. Only the superuser (``sudo()``
inside server code) passes without it.
"""

import contextlib
import contextvars

from odoo import api, models
from odoo.exceptions import UserError

from .common import check_role, join_list, selection_label

_IN_WORKFLOW_ACTION = contextvars.ContextVar("marketing_workflow_action", default=False)


@contextlib.contextmanager
def workflow_action():
    """Run the enclosed writes as a model's own workflow action."""
    token = _IN_WORKFLOW_ACTION.set(True)
    try:
        yield
    finally:
        _IN_WORKFLOW_ACTION.reset(token)


def in_workflow_action(env):
    """True inside an action (or as superuser): guarded fields may change."""
    return env.su or _IN_WORKFLOW_ACTION.get()


class MarketingWorkflowMixin(models.AbstractModel):
    _name = "marketing.workflow.mixin"
    _description = "Workflow Guard"

    # {field name: translated hint naming the action(s) that set it}
    _workflow_fields = {}

    def _workflow_write(self, vals):
        """``write`` from inside the model's own action."""
        with workflow_action():
            return self.write(vals)

    def _workflow_refusal(self, field_name, record=None):
        field = self._fields[field_name]
        hint = self._workflow_fields.get(field_name) or self.env._("the buttons of the form")
        return UserError(
            self.env._(
                "“%(field)s” of %(document)s changes only through its actions: use %(hint)s.",
                field=field._description_string(self.env),
                document=record.display_name if record else self._description,
                hint=str(hint),
            )
        )

    def _workflow_changed(self, field_name, value):
        """The records of self whose field would change to value."""
        field = self._fields[field_name]
        if field.type in ("one2many", "many2many"):
            return self
        new = field.convert_to_cache(value, self, validate=False)
        return self.filtered(lambda rec: field.convert_to_cache(rec[field_name], rec) != new)

    @api.model_create_multi
    def create(self, vals_list):
        if not in_workflow_action(self.env):
            guarded = [name for name in self._workflow_fields if name in self._fields]
            for vals in vals_list:
                given = [name for name in guarded if name in vals]
                if not given:
                    continue
                defaults = self.default_get(given)
                for name in given:
                    field = self._fields[name]
                    default = field.convert_to_cache(defaults.get(name, False), self, False)
                    if field.convert_to_cache(vals[name], self, validate=False) != default:
                        raise self._workflow_refusal(name)
        return super().create(vals_list)

    def write(self, vals):
        if not in_workflow_action(self.env):
            for name in self._workflow_fields:
                if name in vals and name in self._fields:
                    changed = self._workflow_changed(name, vals[name])
                    if changed:
                        raise self._workflow_refusal(name, changed[:1])
        return super().write(vals)

    def _check_state_in(self, states):
        """Refuse an action on a record whose state is not one of ``states``, naming
        the states the step needs."""
        for record in self:
            if record.state not in states:
                raise UserError(
                    self.env._(
                        "%(document)s is %(state)s: this step does not apply (this step needs it "
                        "%(expected)s).",
                        document=record.display_name,
                        state=selection_label(record, "state"),
                        expected=join_list(
                            self.env, [selection_label(record, "state", s) for s in states]
                        ),
                    )
                )

    def _check_role(self, *group_xmlids):
        """Refuse the action unless the user has one of the groups (checked on the server,
        whatever the view shows)."""
        check_role(self, *group_xmlids)
