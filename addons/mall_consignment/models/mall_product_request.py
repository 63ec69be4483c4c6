from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from odoo.addons.marketing_base.models.common import format_money

from .bounds import raise_if_not_finite

_lt = LazyTranslate(__name__)

PRICE_LIMIT = 10_000_000.0
FLOOR = "mall_consignment.group_floor_manager"
BUYER = "mall_consignment.group_buyer"
HEAD = "mall_consignment.group_marketing_head"


class MallProductRequest(models.Model):
    """P1 new product at a counter: the floor requests; the approval chain (floor →
    buyer → procurement review of quality and price, tier definitions an administrator
    changes in Settings) decides; on approval a product code from the sequence and the
    product joins the contract's list (C7)."""

    _name = "mall.product.request"
    _description = "New Product Request"
    _inherit = ["mall.counter.document", "marketing.workflow.mixin", "marketing.approval.mixin"]
    _sequence_code = "mall.product.request"
    _state_from = ["requested"]
    _state_to = ["reviewed"]
    _cancel_state = "refused"
    _tier_validation_manual_config = False
    _workflow_fields = {
        "state": _lt("the Request Review, Back to Draft and Refuse buttons and the approval chain"),
        "quality_checked": _lt("the Quality Reviewed button"),
        "price_checked": _lt("the Price Reviewed button"),
        "product_id": _lt("the approval of the request"),
    }

    product_name = fields.Char(required=True, tracking=True)
    barcode = fields.Char()
    list_price = fields.Monetary(string="Sales Price", required=True, tracking=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    description = fields.Text(string="Quality and Price Notes")
    quality_checked = fields.Boolean(
        string="Quality Reviewed", tracking=True, readonly=True, copy=False
    )
    price_checked = fields.Boolean(
        string="Price Reviewed", tracking=True, readonly=True, copy=False
    )
    product_id = fields.Many2one("product.product", readonly=True, copy=False, check_company=True)
    product_code = fields.Char(related="product_id.default_code", string="Product Code")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("requested", "Under Review"),
            ("reviewed", "Sellable"),
            ("refused", "Refused"),
        ],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
    )

    @api.model_create_multi
    def create(self, vals_list):
        raise_if_not_finite(self, vals_list)
        return super().create(vals_list)

    def write(self, vals):
        raise_if_not_finite(self, [vals])
        return super().write(vals)

    @api.constrains("product_name", "barcode", "list_price")
    def _check_values(self):
        for request in self:
            for name, limit in (("product_name", 200), ("barcode", 64)):
                if len(request[name] or "") > limit:
                    raise ValidationError(
                        self.env._(
                            "%(field)s is longer than %(limit)s characters.",
                            field=request._fields[name].get_description(self.env)["string"],
                            limit=limit,
                        )
                    )
            if not 0 < request.list_price <= PRICE_LIMIT:
                raise ValidationError(
                    self.env._(
                        "%(field)s must be more than 0 and at most %(limit)s.",
                        field=request._fields["list_price"].get_description(self.env)["string"],
                        limit=format_money(self.env, PRICE_LIMIT),
                    )
                )

    def _raise_unless_state(self, *states):
        for request in self:
            if request.state not in states:
                raise UserError(
                    self.env._(
                        "Request %(name)s is not at the right step for this.",
                        name=request.display_name,
                    )
                )

    def action_request(self):
        """The floor sends the request into the approval chain."""
        self._check_role(FLOOR)
        self._raise_unless_state("draft")
        self._workflow_write({"state": "requested"})
        self.invalidate_recordset(["need_validation"])
        reviews = self.request_validation()
        if not reviews:
            raise UserError(
                self.env._(
                    "No approval chain applies to new-product requests: an administrator "
                    "sets it in Settings > Marketing & Sales > Approval Chains."
                )
            )
        return True

    def _set_review_flag(self, name):
        self._check_role(HEAD)
        self._raise_unless_state("requested")
        self.with_context(skip_validation_check=True)._workflow_write({name: True})
        return True

    def action_check_quality(self):
        return self._set_review_flag("quality_checked")

    def action_check_price(self):
        return self._set_review_flag("price_checked")

    def action_reset_draft(self):
        """After a rejection the floor corrects the request and sends it again: the
        decided reviews stay in the review history."""
        self._check_role(FLOOR)
        self._raise_unless_state("requested")
        self.restart_validation()
        self._workflow_write({"state": "draft", "quality_checked": False, "price_checked": False})
        return True

    def action_refuse(self):
        self._check_role(BUYER)
        self._raise_unless_state("draft", "requested")
        self._workflow_write({"state": "refused"})
        return True

    def _on_approval_rejected(self):
        for request in self:
            request.message_post(
                body=self.env._(
                    "The request was rejected: the floor corrects it (Back to Draft) and "
                    "sends it again, or the buyer refuses it."
                )
            )

    def _on_approval_validated(self):
        """The last reviewer approved: a product code from the sequence, and the product
        joins the contract's list (C7)."""
        for request in self:
            if not (request.quality_checked and request.price_checked):
                raise UserError(
                    self.env._(
                        "Request %(name)s: review both quality and price first.",
                        name=request.display_name,
                    )
                )
            product = (
                self.env["product.product"]
                .sudo()
                .create(
                    {
                        "name": request.product_name,
                        "default_code": self.env["ir.sequence"].next_by_code("mall.product.code"),
                        "barcode": request.barcode or False,
                        "list_price": request.list_price,
                        "type": "consu",
                        "company_id": request.company_id.id,
                    }
                )
            )
            request._workflow_write({"state": "reviewed", "product_id": product.id})
            request.contract_id.sudo().write({"product_ids": [(4, product.id)]})
