"""Suite-wide checks run after every module is installed (with its demo data):
every button a form view restricts with ``groups`` is refused on the server to a user outside
those groups, and no workflow document can be created in a later state than its first."""

from lxml import etree

from odoo import Command
from odoo.tests import TransactionCase, tagged

from .common import REFUSALS

SUITE_AUTHOR = "Marketing Suite Engineers"
FINANCE_GROUPS = ("account.group_account_invoice", "account.group_account_manager")


@tagged("post_install", "-at_install")
class TestSuiteGuards(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.suite_modules = (
            cls.env["ir.module.module"]
            .search([("author", "=", SUITE_AUTHOR), ("state", "=", "installed")])
            .mapped("name")
        )
        data = cls.env["ir.model.data"].search(
            [("module", "in", cls.suite_modules), ("model", "in", ("res.groups", "ir.ui.view"))]
        )
        cls.role_groups = cls.env["res.groups"].browse(
            data.filtered(lambda d: d.model == "res.groups").mapped("res_id")
        )
        for xmlid in FINANCE_GROUPS:
            cls.role_groups |= cls.env.ref(xmlid, raise_if_not_found=False) or cls.env["res.groups"]
        cls.views = (
            cls.env["ir.ui.view"]
            .browse(data.filtered(lambda d: d.model == "ir.ui.view").mapped("res_id"))
            .filtered(lambda v: v.type == "form")
        )

    def _user_outside(self, groups):
        """A user with every suite role except those that are (or imply) the groups."""
        key = tuple(sorted(groups.ids))
        if key not in self._users:
            kept = self.role_groups.filtered(lambda g: not ((g | g.trans_implied_ids) & groups))
            self._users[key] = self.env["res.users"].create(
                {
                    "name": f"Outsider {len(self._users)}",
                    "login": f"outsider_{len(self._users)}",
                    "groups_id": [Command.set((kept | self.env.ref("base.group_user")).ids)],
                }
            )
        return self._users[key]

    def _refused(self, call, *args):
        """True when the call raises one of the suite's refusals (its writes rolled back)."""
        try:
            with self.env.cr.savepoint():
                call(*args)
        except REFUSALS as refusal:
            return bool(refusal)
        return False

    def _guarded_buttons(self):
        for view in self.views:
            arch = etree.fromstring(view.arch_db.encode())
            for button in arch.iter("button"):
                groups = button.get("groups")
                if button.get("type") != "object" or not groups:
                    continue
                xmlids = [g.strip() for g in groups.split(",") if not g.strip().startswith("!")]
                yield view.model, button.get("name"), xmlids, view

    def test_every_guarded_button_is_refused_outside_its_groups(self):
        self._users = {}
        walked, problems = 0, []
        for model, method, xmlids, view in self._guarded_buttons():
            groups = self.env["res.groups"].browse(
                [self.env.ref(x).id for x in xmlids if self.env.ref(x, raise_if_not_found=False)]
            )
            Model = self.env[model]
            if Model._transient:
                continue
            record = Model.with_context(active_test=False).search([], limit=1)
            if not record:
                problems.append(f"{model}.{method} ({view.xml_id}): no record to try it on")
                continue
            user = self._user_outside(groups)
            self.env.invalidate_all()
            before = record.sudo().read()
            if not self._refused(getattr(record.with_user(user), method)):
                problems.append(f"{model}.{method} ({view.xml_id}) accepted outside {xmlids}")
            self.env.invalidate_all()
            self.assertEqual(record.sudo().read(), before, f"{model}.{method} changed the record")
            walked += 1
        if self.suite_modules != ["marketing_base"]:
            self.assertTrue(walked, "the walk found no guarded button")
        self.assertFalse(problems, "\n".join(problems))

    def test_workflow_documents_start_in_their_first_state(self):
        admin = self.env.ref("base.user_admin")  # every right, yet not the superuser
        problems = []
        for name in self.env.registry["marketing.workflow.mixin"]._inherit_children:
            Model = self.env[name]
            if Model._abstract or Model._transient or "state" not in Model._fields:
                continue
            field = Model._fields["state"]
            initial = Model.default_get(["state"]).get("state")
            later = [value for value, _label in field._description_selection(self.env)]
            later = [value for value in later if value != initial]
            template = Model.with_context(active_test=False).search([], limit=1)
            if not template or not later:
                problems.append(f"{name}: no record to copy or no later state")
                continue
            vals = template.copy_data()[0]
            vals["state"] = later[-1]
            count = Model.with_context(active_test=False).search_count([])
            if not self._refused(Model.with_user(admin).create, vals):
                problems.append(f"{name}: created directly in state {later[-1]!r}")
            self.assertEqual(Model.with_context(active_test=False).search_count([]), count)
        self.assertFalse(problems, "\n".join(problems))
