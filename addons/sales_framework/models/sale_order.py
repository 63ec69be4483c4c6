from markupsafe import Markup

from odoo import api, fields, models


class SaleOrder(models.Model):
    """Call-offs against framework agreements, and order review (定单评审): orders of a
    reviewing team from a new customer or above the company's amount go through the
    finance, production and quality reviewers (suite approval chains) before confirmation."""

    _name = "sale.order"
    _inherit = ["sale.order", "marketing.approval.mixin"]
    _state_from = ["draft", "sent"]
    _state_to = ["sale"]
    _cancel_state = "cancel"

    framework_agreement_id = fields.Many2one(
        "sales.framework.agreement",
        string="Framework Agreement",
        domain="[('state', '=', 'active'), ('company_id', '=', company_id)]",
        index="btree_not_null",
        tracking=True,
        copy=False,
    )
    is_new_customer = fields.Boolean(
        compute="_compute_is_new_customer",
        help="The customer has no confirmed order in this company before this one.",
    )
    review_required = fields.Boolean(
        string="Order Review Required",
        compute="_compute_review_required",
        help="The team reviews its orders and this one is from a new customer or reaches "
        "the review amount of the company.",
    )

    @api.depends("partner_id", "company_id")
    def _compute_is_new_customer(self):
        partners = self.partner_id.commercial_partner_id
        groups = (
            self.env["sale.order"]
            .sudo()
            ._read_group(
                [
                    ("partner_id", "child_of", partners.ids),
                    ("state", "=", "sale"),
                    ("company_id", "in", self.company_id.ids),
                ],
                ["partner_id", "company_id"],
                ["id:array_agg"],
            )
        )
        confirmed = {}
        for partner, company, ids in groups:
            confirmed.setdefault((partner.commercial_partner_id.id, company.id), set()).update(ids)
        for order in self:
            key = (order.partner_id.commercial_partner_id.id, order.company_id.id)
            others = confirmed.get(key, set()) - {order._origin.id}
            order.is_new_customer = bool(order.partner_id) and not others

    @api.depends(
        "team_id.order_review", "is_new_customer", "amount_total", "company_id", "currency_id"
    )
    def _compute_review_required(self):
        for order in self:
            company = order.company_id
            amount = order.amount_total
            if order.currency_id and company and order.currency_id != company.currency_id:
                amount = order.currency_id._convert(
                    amount, company.currency_id, company, order.date_order or fields.Date.today()
                )
            order.review_required = bool(order.team_id.order_review) and (
                order.is_new_customer
                or (company.sales_review_amount and amount >= company.sales_review_amount)
            )

    @api.onchange("framework_agreement_id")
    def _onchange_framework_agreement(self):
        agreement = self.framework_agreement_id
        if agreement:
            self.partner_id = agreement.partner_id
            if agreement.payment_term_id:
                self.payment_term_id = agreement.payment_term_id
            for line in self.order_line:
                line.with_context(force_price_recomputation=True)._compute_price_unit()

    def action_confirm(self):
        for order in self.filtered("framework_agreement_id"):
            order.framework_agreement_id._check_call_off(order)
        return super().action_confirm()

    def _on_approval_rejected(self):
        """A refused review goes back to the salesperson with the reviewer's comment."""
        for order in self:
            rejected = order.review_ids.filtered(lambda r: r.status == "rejected")
            comments = "; ".join(
                f"{review.done_by.name}: {review.comment}"
                if review.comment
                else review.done_by.name
                for review in rejected
            )
            body = self.env._(
                "The review of order %(order)s was refused — %(comments)s",
                order=order.name,
                comments=comments,
            )
            if order.user_id:
                order.sudo().message_post(
                    body=Markup("<p>%s</p>") % body,
                    partner_ids=order.user_id.partner_id.ids,
                    subtype_xmlid="mail.mt_comment",
                )
                order.sudo().activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=order.user_id.id,
                    summary=self.env._("Order review refused"),
                    note=body,
                )
