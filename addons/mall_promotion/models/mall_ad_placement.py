from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from odoo.addons.marketing_base.models.common import selection_label

_lt = LazyTranslate(__name__)

VISUAL = "mall_consignment.group_visual_merchandiser"
FLOOR = "mall_consignment.group_floor_manager"
ASSISTANT = "mall_consignment.group_marketing_assistant"
MAX_HEIGHT = 170.0  # A1: nothing hangs higher (cm)
SUPPLIER_AD_MAX = (80.0, 110.0)  # A3: width × height (cm)
FOUR_K = (39.0, 54.0)  # a 4K (四开) sheet, cm
SUPPLIER_AD_COUNTERS = ("image_hall", "brand_hall")
NEEDS_APPROVAL = ("light_box", "hanging_flag", "drape", "supplier_ad")
AD_KINDS = [
    ("pop", "POP"),
    ("poster", "Hung Poster"),
    ("floor_stand", "Floor Stand Poster"),
    ("supplier_ad", "Supplier-made Ad"),
    ("light_box", "Light Box"),
    ("hanging_flag", "Hanging Flag"),
    ("drape", "Drape"),
    ("banner", "Banner"),
]


class MallAdPlacement(models.Model):
    """The in-store advertising register (三联单, A1-A4): one placement of one ad at a
    counter, checked against the mall's rules when it is registered; light boxes,
    hanging flags, drapes and supplier-made ads go through the approval chain."""

    _name = "mall.ad.placement"
    _description = "In-store Ad Placement"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "marketing.workflow.mixin",
        "marketing.approval.mixin",
    ]
    _order = "date_from desc, id desc"
    _check_company_auto = True
    _state_from = ["review"]
    _state_to = ["registered"]
    _cancel_state = "removed"
    _tier_validation_manual_config = False
    _workflow_fields = {
        "state": _lt("the Register, Remove buttons and the approval chain"),
    }

    name = fields.Char(string="Form Number", required=True, readonly=True, default="/", copy=False)
    counter_id = fields.Many2one("mall.counter", required=True, tracking=True, index=True)
    floor_id = fields.Many2one(related="counter_id.floor_id", store=True)
    company_id = fields.Many2one(related="counter_id.company_id", store=True)
    counter_type = fields.Selection(related="counter_id.counter_type")
    partner_id = fields.Many2one(related="counter_id.partner_id", string="Supplier", store=True)
    kind = fields.Selection(AD_KINDS, required=True, default="pop", tracking=True)
    width = fields.Float(string="Width (cm)", digits=(8, 1), required=True, tracking=True)
    height = fields.Float(string="Height (cm)", digits=(8, 1), required=True, tracking=True)
    top_height = fields.Float(
        string="Top Edge above Floor (cm)",
        digits=(8, 1),
        tracking=True,
        help="How high the ad's top edge is above the floor.",
    )
    wall_mounted = fields.Boolean(help="A wall-mounted supplier-made ad may be higher than 170 cm.")
    promotion_id = fields.Many2one(
        "mall.promotion", tracking=True, help="A banner belongs to a mall-wide promotion."
    )
    design = fields.Binary(attachment=True)
    design_filename = fields.Char()
    content = fields.Char(string="Content", tracking=True)
    date_from = fields.Date(string="Display From", required=True, tracking=True)
    date_to = fields.Date(string="Display To", required=True, tracking=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("review", "In Approval"),
            ("registered", "Registered"),
            ("removed", "Removed"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    breach_ids = fields.One2many("mall.ad.breach", "placement_id", string="Breaches")

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("mall.ad.placement") or "/"
        return super().create(vals_list)

    @api.constrains("width", "height", "top_height", "date_from", "date_to")
    def _check_values(self):
        for ad in self:
            if ad.width <= 0 or ad.height <= 0 or ad.top_height < 0:
                raise ValidationError(
                    self.env._("Ad %(name)s: give its size and height in cm.", name=ad.name)
                )
            if ad.date_to < ad.date_from:
                raise ValidationError(
                    self.env._("Ad %(name)s: the display ends before it starts.", name=ad.name)
                )

    def _is_four_k_or_larger(self):
        small, large = sorted((self.width, self.height))
        return small >= FOUR_K[0] and large >= FOUR_K[1]

    def _rule_errors(self):
        """A1-A4: the refusals of one placement, each naming its rule and figure."""
        self.ensure_one()
        _ = self.env._
        errors = []
        size = f"{self.width:g} × {self.height:g} cm"
        kind = selection_label(self, "kind")
        if (
            self.kind != "floor_stand"
            and self.top_height > MAX_HEIGHT
            and not (self.kind == "supplier_ad" and self.wall_mounted)
        ):
            errors.append(
                _(
                    "Nothing hangs higher than %(limit)s cm; this %(kind)s's top is at "
                    "%(height)s cm.",
                    limit=f"{MAX_HEIGHT:g}",
                    kind=kind,
                    height=f"{self.top_height:g}",
                )
            )
        if self.kind in ("poster", "pop") and self._is_four_k_or_larger():
            errors.append(
                _(
                    "Posters of 4K (39 × 54 cm) or larger stand on floor stands, never "
                    "hung; this one is %(size)s.",
                    size=size,
                )
            )
        if self.kind == "floor_stand":
            others = self.search_count(
                [
                    ("id", "!=", self.id),
                    ("counter_id", "=", self.counter_id.id),
                    ("kind", "=", "floor_stand"),
                    ("state", "in", ("review", "registered")),
                    ("date_from", "<=", self.date_to),
                    ("date_to", ">=", self.date_from),
                ]
            )
            if others:
                errors.append(
                    _(
                        "One floor stand per counter; %(counter)s already has %(count)s "
                        "in these dates.",
                        counter=self.counter_id.display_name,
                        count=others,
                    )
                )
        if self.kind == "supplier_ad":
            if self.counter_type not in SUPPLIER_AD_COUNTERS:
                errors.append(
                    _(
                        "Supplier-made ads only at image halls and independent halls; "
                        "%(counter)s is a %(type)s.",
                        counter=self.counter_id.display_name,
                        type=selection_label(self.counter_id, "counter_type"),
                    )
                )
            if self.width > SUPPLIER_AD_MAX[0] or self.height > SUPPLIER_AD_MAX[1]:
                errors.append(
                    _(
                        "A supplier-made ad is at most %(max)s; this one is %(size)s.",
                        max=f"{SUPPLIER_AD_MAX[0]:g} × {SUPPLIER_AD_MAX[1]:g} cm",
                        size=size,
                    )
                )
        if self.kind == "banner":
            promotion = self.promotion_id
            if not (
                promotion.kind == "mall" and promotion.state in ("approved", "filed", "allocated")
            ):
                errors.append(
                    _(
                        "Banners only for an approved mall-wide promotion; %(promotion)s "
                        "is not one.",
                        promotion=promotion.name or _("no promotion"),
                    )
                )
        return errors

    def action_register(self):
        """Check A1-A4 and register the ad (on the three-part form); kinds that need
        approval go through the approval chain first."""
        self._check_role(VISUAL, FLOOR, ASSISTANT)
        for ad in self:
            if ad.state != "draft":
                raise UserError(self.env._("Ad %(name)s is not a draft.", name=ad.name))
            errors = ad._rule_errors()
            if errors:
                raise UserError("\n".join(errors))
        for ad in self:
            if ad.kind in NEEDS_APPROVAL:
                ad._workflow_write({"state": "review"})
                ad.invalidate_recordset(["need_validation"])
                if not ad.request_validation():
                    raise UserError(
                        self.env._(
                            "No approval chain applies to %(kind)s ads: an administrator "
                            "sets it in Settings > Marketing & Sales > Approval Chains.",
                            kind=selection_label(ad, "kind"),
                        )
                    )
            else:
                ad._workflow_write({"state": "registered"})
        return True

    def _on_approval_validated(self):
        self._workflow_write({"state": "registered"})

    def _on_approval_rejected(self):
        self._workflow_write({"state": "draft"})
        self.restart_validation()

    def action_remove(self):
        self._check_role(VISUAL, FLOOR, ASSISTANT)
        self._workflow_write({"state": "removed"})
        return True
