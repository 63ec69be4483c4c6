from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.translate import LazyTranslate

from odoo.addons.marketing_base.models.common import join_list

_lt = LazyTranslate(__name__)

BUYER = "mall_consignment.group_buyer"
HEAD = "mall_consignment.group_marketing_head"
FLOOR = "mall_consignment.group_floor_manager"
DRAWINGS = ("props_drawing", "layout_drawing", "render_drawing")


class MallFitout(models.Model):
    """The counter fit-out (S2): the drawings (道具形象, 陈列施工图, 效果图) are approved by
    the marketing department (Visual Merchandiser) and security (后勤保卫部) through the
    approval chain before fit-out starts."""

    _name = "mall.fitout"
    _description = "Counter Fit-out"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "marketing.workflow.mixin",
        "marketing.approval.mixin",
    ]
    _order = "id desc"
    _check_company_auto = True
    _state_from = ["submitted"]
    _state_to = ["approved"]
    _cancel_state = "cancel"

    _workflow_fields = {
        "state": _lt("the Submit Drawings and Start Fit-out buttons and the review"),
        "date_started": _lt("the Start Fit-out button"),
    }

    name = fields.Char(string="Number", required=True, readonly=True, copy=False, default="/")
    application_id = fields.Many2one(
        "mall.brand.application", required=True, index=True, check_company=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    brand_id = fields.Many2one(related="application_id.brand_id")
    contract_id = fields.Many2one(related="application_id.contract_id")
    counter_ids = fields.Many2many(related="application_id.contract_id.counter_ids")
    props_drawing = fields.Binary(string="Fixtures and Image (道具形象)", attachment=True)
    props_drawing_name = fields.Char()
    layout_drawing = fields.Binary(
        string="Display Construction Drawing (陈列施工图)", attachment=True
    )
    layout_drawing_name = fields.Char()
    render_drawing = fields.Binary(string="Rendering (效果图)", attachment=True)
    render_drawing_name = fields.Char()
    note = fields.Text()
    date_started = fields.Date(string="Fit-out Started On", readonly=True, copy=False)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Under Review"),
            ("approved", "Approved"),
            ("started", "Fit-out Started"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("mall.fitout") or "/"
        return super().create(vals_list)

    def action_submit(self):
        self._check_role(BUYER)
        self._check_state_in(("draft",))
        for fitout in self:
            missing = [
                fitout._fields[name].get_description(self.env)["string"]
                for name in DRAWINGS
                if not fitout[name]
            ]
            if missing:
                raise UserError(
                    self.env._(
                        "Fit-out %(fitout)s: attach %(drawings)s.",
                        fitout=fitout.name,
                        drawings=join_list(self.env, missing),
                    )
                )
        self._workflow_write({"state": "submitted"})
        self.request_validation()
        return True

    def _own_reviews(self, tiers):
        """The reviews the user decides: the marketing department and security approve
        in any order (without this, OCA stops at the first review of somebody else)."""
        self.ensure_one()
        sequences = self._get_sequences_to_approve(self.env.user)
        return (tiers or self.review_ids).filtered(lambda r: r.sequence in sequences) or tiers

    def _validate_tier(self, tiers=False):
        return super()._validate_tier(self._own_reviews(tiers))

    def _rejected_tier(self, tiers=False):
        return super()._rejected_tier(self._own_reviews(tiers))

    def _on_approval_validated(self):
        # After the last reviewer's decision, whatever their own rights on the record.
        self.sudo()._workflow_write({"state": "approved"})

    def _on_approval_rejected(self):
        # Back to draft with the votes shown; submitting again starts a new round and
        # keeps these in the review history.
        self.sudo()._workflow_write({"state": "draft"})

    def action_start(self):
        """S2: fit-out starts only after both approvals."""
        self._check_role(BUYER, FLOOR, HEAD)
        self._check_state_in(("approved",))
        self._workflow_write({"state": "started", "date_started": fields.Date.context_today(self)})
        return True
