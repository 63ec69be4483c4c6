from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools.translate import LazyTranslate

from odoo.addons.marketing_base.models.common import join_list

_lt = LazyTranslate(__name__)
FLOOR = "mall_consignment.group_floor_manager"
BUYER = "mall_consignment.group_buyer"
HEAD = "mall_consignment.group_marketing_head"


class MallReplenishment(models.Model):
    """P2 replenishment notice from a floor to a supplier; for a distribution contract
    it becomes a purchase RFQ (the mall buys the goods)."""

    _name = "mall.replenishment"
    _description = "Replenishment Notice"
    _inherit = ["mall.counter.document", "marketing.workflow.mixin"]
    _sequence_code = "mall.replenishment"
    _workflow_fields = {
        "state": _lt("the Send to Supplier, Goods Received and Cancel buttons"),
        "purchase_id": _lt("the Send to Supplier button"),
    }

    contract_type = fields.Selection(related="contract_id.contract_type")
    date_needed = fields.Date(string="Needed By", required=True, tracking=True)
    line_ids = fields.One2many("mall.replenishment.line", "replenishment_id", string="Products")
    purchase_id = fields.Many2one(
        "purchase.order", string="RFQ", readonly=True, copy=False, check_company=True
    )
    note = fields.Text()
    state = fields.Selection(
        [("draft", "Draft"), ("sent", "Sent"), ("done", "Received"), ("cancel", "Cancelled")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
    )

    def action_send(self):
        self._check_role(FLOOR, HEAD)
        for notice in self:
            if notice.state != "draft":
                raise UserError(
                    self.env._("Notice %(name)s was already sent.", name=notice.display_name)
                )
            if not notice.line_ids:
                raise UserError(
                    self.env._("Notice %(name)s has no products.", name=notice.display_name)
                )
            unlisted = notice.line_ids.product_id - notice.contract_id.product_ids
            if unlisted:
                raise UserError(
                    self.env._(
                        "Notice %(name)s: %(products)s not listed in contract %(contract)s.",
                        name=notice.display_name,
                        products=join_list(self.env, unlisted.mapped("display_name")),
                        contract=notice.contract_id.name,
                    )
                )
            if notice.contract_type == "distribution":
                notice._workflow_write({"purchase_id": notice._create_rfq().id})
            notice.message_post(
                body=self.env._(
                    "Replenishment notice sent to %(supplier)s.", supplier=notice.partner_id.name
                ),
                partner_ids=notice.partner_id.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        self._workflow_write({"state": "sent"})
        return True

    def _create_rfq(self):
        self.ensure_one()
        return (
            self.env["purchase.order"]
            .sudo()
            .create(
                {
                    "partner_id": self.partner_id.id,
                    "origin": self.name,
                    "date_planned": self.date_needed,
                    "company_id": self.company_id.id,
                    "order_line": [
                        (
                            0,
                            0,
                            {
                                "product_id": line.product_id.id,
                                "product_qty": line.quantity,
                                "date_planned": self.date_needed,
                            },
                        )
                        for line in self.line_ids
                    ],
                }
            )
        )

    def action_done(self):
        self._check_role(FLOOR, BUYER)
        if self.filtered(lambda n: n.state != "sent"):
            raise UserError(self.env._("Only sent notices can be marked received."))
        self._workflow_write({"state": "done"})
        return True

    def action_cancel(self):
        self._check_role(FLOOR, BUYER)
        if self.filtered(lambda n: n.state == "done"):
            raise UserError(self.env._("A received notice cannot be cancelled."))
        self.purchase_id.filtered(lambda po: po.state in ("draft", "sent")).sudo().button_cancel()
        self._workflow_write({"state": "cancel"})
        return True

    def action_view_rfq(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "purchase.order",
            "res_id": self.purchase_id.id,
            "view_mode": "form",
        }
