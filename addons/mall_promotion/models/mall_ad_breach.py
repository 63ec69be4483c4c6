from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)

VISUAL = "mall_consignment.group_visual_merchandiser"
FLOOR = "mall_consignment.group_floor_manager"


class MallAdBreach(models.Model):
    """A breach of the advertising rules (A1-A4) found by the Visual Merchandiser or a
    floor, with its penalty; a fine becomes a supplier charge (advertising breach)."""

    _name = "mall.ad.breach"
    _description = "Advertising Breach"
    _inherit = ["mail.thread", "marketing.workflow.mixin"]
    _order = "date desc, id desc"
    _workflow_fields = {
        "state": _lt("the Confirm button"),
        "charge_id": _lt("the Confirm button"),
    }

    placement_id = fields.Many2one("mall.ad.placement", string="Ad", index=True)
    counter_id = fields.Many2one(
        "mall.counter",
        required=True,
        compute="_compute_counter_id",
        store=True,
        precompute=True,
        readonly=False,
        tracking=True,
    )
    company_id = fields.Many2one(related="counter_id.company_id", store=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    contract_id = fields.Many2one(related="counter_id.contract_id", store=True, string="Contract")
    partner_id = fields.Many2one(related="counter_id.partner_id", store=True, string="Supplier")
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    rule = fields.Selection(
        [
            ("A1", "Height and Poster Size"),
            ("A2", "Floor Stand Quota"),
            ("A3", "Supplier-made Ads"),
            ("A4", "Banners"),
        ],
        required=True,
        tracking=True,
    )
    description = fields.Text(required=True)
    penalty = fields.Selection(
        [("criticism", "Criticism"), ("confiscation", "Confiscation"), ("fine", "Fine")],
        required=True,
        default="criticism",
        tracking=True,
    )
    fine_amount = fields.Monetary(tracking=True)
    user_id = fields.Many2one(
        "res.users", string="Recorded By", default=lambda self: self.env.user, readonly=True
    )
    state = fields.Selection(
        [("draft", "Draft"), ("confirmed", "Confirmed")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )
    charge_id = fields.Many2one("mall.supplier.charge", string="Supplier Charge", readonly=True)

    @api.depends("placement_id")
    def _compute_counter_id(self):
        for breach in self:
            if breach.placement_id:
                breach.counter_id = breach.placement_id.counter_id

    @api.constrains("penalty", "fine_amount")
    def _check_fine(self):
        for breach in self:
            if breach.penalty == "fine" and breach.fine_amount <= 0:
                raise ValidationError(
                    self.env._(
                        "A fine needs its amount (breach at %(counter)s).",
                        counter=breach.counter_id.display_name,
                    )
                )
            if breach.penalty != "fine" and breach.fine_amount:
                raise ValidationError(self.env._("Only a fine has an amount."))

    def action_confirm(self):
        """Confirm the breach; a fine becomes a supplier charge of the counter's contract."""
        self._check_role(VISUAL, FLOOR)
        charge_type = self.env["mall.charge.type"]._by_code("advertising_breach")
        for breach in self:
            if breach.state != "draft":
                raise UserError(self.env._("This breach is already confirmed."))
            vals = {"state": "confirmed"}
            if breach.penalty == "fine":
                if not breach.contract_id:
                    raise UserError(
                        self.env._(
                            "Counter %(counter)s has no contract: the fine cannot be charged.",
                            counter=breach.counter_id.display_name,
                        )
                    )
                charge = (
                    self.env["mall.supplier.charge"]
                    .sudo()
                    .create(
                        {
                            "contract_id": breach.contract_id.id,
                            "company_id": breach.company_id.id,
                            "charge_type_id": charge_type.id,
                            "date": breach.date,
                            "amount": breach.fine_amount,
                            "description": self.env._(
                                "Advertising breach %(rule)s at %(counter)s",
                                rule=breach.rule,
                                counter=breach.counter_id.code,
                            ),
                        }
                    )
                )
                vals["charge_id"] = charge.id
            breach._workflow_write(vals)
        return True
