from odoo import fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.marketing_base.models.common import selection_label

# The group that moves a request to each step.
STEP_GROUPS = {
    "requested": "mall_consignment.group_floor_manager",
    "signed": "mall_consignment.group_buyer",
    "reviewed": "mall_consignment.group_marketing_head",
}


class MallProductRequest(models.Model):
    """P1 new product at a counter: the floor requests → the buyer signs → the
    procurement centre reviews quality and price → a product code → sellable."""

    _name = "mall.product.request"
    _description = "New Product Request"
    _inherit = ["mall.counter.document"]
    _sequence_code = "mall.product.request"

    product_name = fields.Char(required=True, tracking=True)
    barcode = fields.Char()
    list_price = fields.Monetary(string="Sales Price", required=True, tracking=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    description = fields.Text(string="Quality and Price Notes")
    quality_checked = fields.Boolean(string="Quality Reviewed", tracking=True)
    price_checked = fields.Boolean(string="Price Reviewed", tracking=True)
    product_id = fields.Many2one("product.product", readonly=True, copy=False)
    product_code = fields.Char(related="product_id.default_code", string="Product Code")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("requested", "Requested by Floor"),
            ("signed", "Signed by Buyer"),
            ("reviewed", "Sellable"),
            ("refused", "Refused"),
        ],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
    )

    def _check_step_group(self, to_state):
        if not self.env.user.has_group(STEP_GROUPS[to_state]):
            raise AccessError(
                self.env._(
                    "You are not allowed to move the request to %(state)s.",
                    state=selection_label(self, "state", to_state),
                )
            )

    def _advance(self, from_state, to_state):
        self._check_step_group(to_state)
        for request in self:
            if request.state != from_state:
                raise UserError(
                    self.env._(
                        "Request %(name)s is not at the right step.", name=request.display_name
                    )
                )
        self.write({"state": to_state})

    def action_request(self):
        self._advance("draft", "requested")
        return True

    def action_buyer_sign(self):
        self._advance("requested", "signed")
        return True

    def action_review(self):
        """Procurement review: quality and price checked, a product code from the
        sequence, and the product joins the contract's list (C7)."""
        self._check_step_group("reviewed")
        for request in self:
            if not (request.quality_checked and request.price_checked):
                raise UserError(
                    self.env._(
                        "Request %(name)s: review both quality and price first.",
                        name=request.display_name,
                    )
                )
        self._advance("signed", "reviewed")
        for request in self:
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
                    }
                )
            )
            request.product_id = product
            request.contract_id.sudo().with_context(mall_amendment_apply=True).write(
                {"product_ids": [(4, product.id)]}
            )
        return True

    def action_refuse(self):
        if self.filtered(lambda r: r.state in ("reviewed", "refused")):
            raise UserError(self.env._("Finished requests cannot be refused."))
        if not self.env.user.has_group("mall_consignment.group_buyer"):
            raise AccessError(self.env._("Only the buyer or procurement refuses a request."))
        self.write({"state": "refused"})
        return True
