from odoo import api, fields, models
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)


class MarketingWorkflowTester(models.Model):
    _name = "marketing.workflow.tester"
    _description = "Workflow Tester"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "marketing.workflow.mixin",
        "marketing.approval.mixin",
    ]
    _state_from = ["draft"]
    _state_to = ["approved"]
    _cancel_state = "cancel"
    _workflow_fields = {
        "state": _lt("the Approve and Close buttons"),
        "closed_by": _lt("the Close button"),
    }

    name = fields.Char()
    amount = fields.Float()
    state = fields.Selection(
        [("draft", "Draft"), ("approved", "Approved"), ("done", "Closed"), ("cancel", "Cancelled")],
        default="draft",
    )
    closed_by = fields.Many2one("res.users")
    outcome = fields.Char()

    def action_approve(self):
        self._workflow_write({"state": "approved"})

    def action_close(self):
        self._check_role("marketing_base.group_general_manager")
        self._workflow_write({"state": "done", "closed_by": self.env.uid})

    def _on_approval_validated(self):
        self.outcome = "validated"

    def _on_approval_rejected(self):
        self.outcome = "rejected"

    @api.model
    def _demo_story_lang(self):
        return self.env.lang
