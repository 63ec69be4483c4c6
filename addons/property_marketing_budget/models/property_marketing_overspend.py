from odoo import api, fields, models
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)

OVERSPEND_STATE = [
    ("to_approve", "Waiting for Approval"),
    ("approved", "Approved"),
    ("rejected", "Rejected"),
    ("cancel", "Cancelled"),
]


class PropertyMarketingOverspend(models.Model):
    """X1: a vendor bill that would take a budget line over its budget waits for the
    General Manager's approval (an approval chain) before it is posted."""

    _name = "property.marketing.overspend"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "marketing.workflow.mixin",
        "marketing.approval.mixin",
    ]
    _description = "Over-Budget Approval"
    _order = "id desc"
    _check_company_auto = True

    _state_from = ["to_approve"]
    _state_to = ["approved"]
    _cancel_state = "cancel"
    _workflow_fields = {
        "state": _lt("the vendor bill's Request Over-Budget Approval button"),
        "over_amount": _lt("the vendor bill's Request Over-Budget Approval button"),
    }

    name = fields.Char(compute="_compute_name", store=True)
    move_id = fields.Many2one(
        "account.move", string="Vendor Bill", required=True, ondelete="cascade", index=True
    )
    budget_line_id = fields.Many2one(
        "property.marketing.budget.line", required=True, ondelete="restrict", index=True
    )
    project_id = fields.Many2one(related="budget_line_id.project_id", store=True)
    company_id = fields.Many2one(related="move_id.company_id", store=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    bill_amount = fields.Monetary(readonly=True, help="The bill's amount on the budget line.")
    over_amount = fields.Monetary(
        string="Over Budget By", readonly=True, help="What posting the bill adds above the line."
    )
    state = fields.Selection(OVERSPEND_STATE, default="to_approve", required=True, tracking=True)
    requested_by = fields.Many2one("res.users", readonly=True, default=lambda self: self.env.user)

    @api.depends("move_id.name", "budget_line_id")
    def _compute_name(self):
        for request in self:
            request.name = f"{request.move_id.name or '/'} · {request.budget_line_id.display_name}"

    def _on_approval_validated(self):
        self.sudo()._workflow_write({"state": "approved"})

    def _on_approval_rejected(self):
        self.sudo()._workflow_write({"state": "rejected"})
