from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.translate import LazyTranslate

from odoo.addons.marketing_base.models.common import selection_label
from odoo.addons.marketing_base.models.marketing_workflow_mixin import workflow_action

_lt = LazyTranslate(__name__)

REQUEST_TYPE = [
    ("discount", "Discount above the Limit"),
    ("extension", "Top-up Deadline Extension"),
    ("change", "Change of Unit"),
    ("return", "Return of the Unit"),
]

REQUEST_STATE = [
    ("draft", "Draft"),
    ("pending", "Waiting for Approval"),
    ("approved", "Approved"),
    ("rejected", "Rejected"),
    ("cancel", "Cancelled"),
]


class PropertySubscriptionRequest(models.Model):
    """A request about a subscription that needs approval (D5 top-up deadline extension,
    D6 change or return of the unit, D7 discount above the consultants' limit). Each goes
    through its approval chain (tier definitions on this model, one per request type);
    the approved request is applied to the subscription, and the decisions stay in the
    review history."""

    _name = "property.subscription.request"
    _inherit = (
        "mail.thread",
        "mail.activity.mixin",
        "marketing.workflow.mixin",
        "marketing.approval.mixin",
    )
    _description = "Subscription Approval Request"
    _order = "id desc"
    _check_company_auto = True
    _state_from = ["pending"]
    _state_to = ["approved"]
    _cancel_state = "cancel"
    _tier_validation_manual_config = False
    _workflow_fields = dict.fromkeys(
        (
            "state",
            "subscription_id",
            "request_type",
            "price",
            "discount_percent",
            "topup_deadline",
            "change_unit_id",
            "reason",
            "requested_by",
        ),
        _lt("the request buttons of the subscription and the approval"),
    )

    subscription_id = fields.Many2one(
        "property.subscription",
        required=True,
        readonly=True,
        ondelete="cascade",
        index=True,
        check_company=True,
    )
    company_id = fields.Many2one(related="subscription_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="subscription_id.currency_id")
    unit_id = fields.Many2one(related="subscription_id.unit_id")
    partner_id = fields.Many2one(related="subscription_id.partner_id", string="Customer")
    consultant_id = fields.Many2one(
        related="subscription_id.consultant_id", store=True, string="Consultant"
    )
    request_type = fields.Selection(REQUEST_TYPE, required=True, readonly=True)
    state = fields.Selection(
        REQUEST_STATE, default="draft", required=True, readonly=True, tracking=True
    )
    requested_by = fields.Many2one("res.users", readonly=True)
    price = fields.Monetary(readonly=True, help="The subscription price to approve.")
    discount_percent = fields.Float(string="Discount (%)", readonly=True, digits=(5, 2))
    topup_deadline = fields.Date(string="New Top-up Deadline", readonly=True)
    change_unit_id = fields.Many2one(
        "property.unit", string="Change to Unit", readonly=True, check_company=True
    )
    reason = fields.Char(readonly=True)

    @api.depends("subscription_id.name", "request_type")
    def _compute_display_name(self):
        for request in self:
            request.display_name = f"{request.subscription_id.name}: " + selection_label(
                request, "request_type"
            )

    # ------------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------------
    @api.model
    def _submit_new(self, subscription, request_type):
        """Create the request with what the subscription says now and start its
        approval chain."""
        vals = {
            "discount": {
                "price": subscription.price,
                "discount_percent": subscription.discount_percent,
            },
            "extension": {"topup_deadline": subscription.topup_deadline_requested},
            "change": {
                "change_unit_id": subscription.change_unit_id.id,
                "reason": subscription.return_reason,
            },
            "return": {"reason": subscription.return_reason},
        }[request_type]
        vals.update(
            subscription_id=subscription.id, request_type=request_type, requested_by=self.env.uid
        )
        with workflow_action():
            request = self.create(vals)
            request.write({"state": "pending"})
        if not request.request_validation():
            raise UserError(
                self.env._(
                    "No approval chain applies to %(request)s: ask the administrator to set "
                    "one in Settings > Approval Chains.",
                    request=request.display_name,
                )
            )
        return request

    def _on_approval_validated(self):
        """Apply the approved request to its subscription."""
        for request in self.filtered(lambda r: r.state == "pending"):
            reviewer = request.review_ids.sorted(lambda r: (r.reviewed_date, r.id))[-1:].done_by
            subscription = request.subscription_id
            request._workflow_write({"state": "approved"})
            if request.request_type == "discount":
                if subscription.price != request.price:
                    raise UserError(
                        self.env._(
                            "%(request)s: the price changed since the request; the "
                            "consultant asks again.",
                            request=request.display_name,
                        )
                    )
                subscription._apply_discount_approval(reviewer)
            elif request.request_type == "extension":
                subscription._apply_extension(request.topup_deadline)
            elif request.request_type == "return":
                subscription._apply_return(reviewer)
            else:
                subscription.change_unit_id = request.change_unit_id
                subscription._apply_change(reviewer)

    def _on_approval_rejected(self):
        self.filtered(lambda r: r.state == "pending")._workflow_write({"state": "rejected"})

    def _cancel_open(self, request_type):
        """Requests made void by a change of the subscription (a new price)."""
        self.filtered(
            lambda r: r.state == "pending" and r.request_type == request_type
        )._workflow_write({"state": "cancel"})
