from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)

MANAGER = "sales_team.group_sale_manager"
# Terms that make the agreement: frozen once it is signed.
TERMS = {
    "partner_id",
    "date_start",
    "date_end",
    "payment_term_id",
    "delivery_terms",
    "transport_terms",
    "penalty_terms",
    "after_sales_terms",
    "line_ids",
}


class SalesFrameworkAgreement(models.Model):
    """A framework agreement (销售框架协议) with one customer: validity, products with agreed
    prices and quantities, payment, delivery, transport, penalty and after-sales terms.
    Sale orders call off against it."""

    _name = "sales.framework.agreement"
    _inherit = ["mail.thread", "mail.activity.mixin", "marketing.workflow.mixin"]
    _description = "Framework Agreement"
    _order = "date_start desc, id desc"
    _workflow_fields = {
        "state": _lt("the Sign, Close and Cancel buttons"),
        "signed_by": _lt("the Sign button"),
    }

    name = fields.Char(
        string="Number", required=True, copy=False, readonly=True, default=lambda self: "/"
    )
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, tracking=True, index=True
    )
    user_id = fields.Many2one(
        "res.users", string="Salesperson", default=lambda self: self.env.user, tracking=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    date_start = fields.Date(string="Valid From", required=True, tracking=True)
    date_end = fields.Date(string="Valid Until", required=True, tracking=True)
    payment_term_id = fields.Many2one("account.payment.term", string="Payment Terms")
    delivery_terms = fields.Text()
    transport_terms = fields.Text()
    penalty_terms = fields.Text(string="Penalty Clauses")
    after_sales_terms = fields.Text(string="After-Sales Service Terms")
    line_ids = fields.One2many(
        "sales.framework.agreement.line", "agreement_id", string="Products", copy=True
    )
    order_ids = fields.One2many("sale.order", "framework_agreement_id", string="Call-Offs")
    order_count = fields.Integer(compute="_compute_order_count")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("active", "Signed"),
            ("closed", "Closed"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    signed_by = fields.Many2one("res.users", readonly=True, copy=False)
    amount_total = fields.Monetary(string="Agreed Amount", compute="_compute_amounts")
    amount_called = fields.Monetary(string="Called Off", compute="_compute_amounts")

    _sql_constraints = [
        (
            "dates_check",
            "CHECK(date_end >= date_start)",
            "The agreement must end on or after the day it starts.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("sales.framework.agreement")
        return super().create(vals_list)

    def write(self, vals):
        frozen = TERMS & set(vals)
        if frozen and self.filtered(lambda a: a.state != "draft"):
            raise UserError(
                self.env._(
                    "The terms of agreement %(agreement)s are frozen once it is signed.",
                    agreement=self.filtered(lambda a: a.state != "draft")[:1].name,
                )
            )
        return super().write(vals)

    def _compute_order_count(self):
        for agreement in self:
            agreement.order_count = len(agreement.order_ids)

    @api.depends("line_ids.price_unit", "line_ids.quantity", "line_ids.qty_called")
    def _compute_amounts(self):
        for agreement in self:
            agreement.amount_total = sum(
                line.price_unit * line.quantity for line in agreement.line_ids
            )
            agreement.amount_called = sum(
                line.price_unit * line.qty_called for line in agreement.line_ids
            )

    def action_sign(self):
        self._check_role(MANAGER)
        for agreement in self:
            if agreement.state != "draft":
                raise UserError(
                    self.env._("Agreement %(agreement)s is not a draft.", agreement=agreement.name)
                )
            if not agreement.line_ids:
                raise UserError(
                    self.env._("Agreement %(agreement)s has no products.", agreement=agreement.name)
                )
        self._workflow_write({"state": "active", "signed_by": self.env.uid})
        return True

    def action_close(self):
        self._check_role(MANAGER)
        self._workflow_write({"state": "closed"})
        return True

    def action_cancel(self):
        self._check_role(MANAGER)
        if self.order_ids.filtered(lambda o: o.state == "sale"):
            raise UserError(self.env._("An agreement with confirmed call-offs can only be closed."))
        self._workflow_write({"state": "cancel"})
        return True

    def action_view_orders(self):
        action = self.env["ir.actions.act_window"]._for_xml_id("sale.action_orders")
        action["domain"] = [("framework_agreement_id", "in", self.ids)]
        action["context"] = {
            "default_framework_agreement_id": self[:1].id,
            "default_partner_id": self[:1].partner_id.id,
        }
        return action

    def _check_call_off(self, order):
        """Refuse a call-off outside validity, from another customer, for a product or price
        not agreed, or beyond the remaining quantity. The agreement row is locked so two
        call-offs confirmed at once cannot both take the last units."""
        self.ensure_one()
        self.env.cr.execute(
            "SELECT id FROM sales_framework_agreement WHERE id = %s FOR UPDATE", [self.id]
        )
        if self.state != "active":
            raise ValidationError(
                self.env._(
                    "Order %(order)s calls off agreement %(agreement)s, which is not signed "
                    "or no longer in force.",
                    order=order.name,
                    agreement=self.name,
                )
            )
        day = fields.Date.context_today(order, order.date_order)
        if not self.date_start <= day <= self.date_end:
            raise ValidationError(
                self.env._(
                    "Order %(order)s of %(date)s is outside the validity of agreement "
                    "%(agreement)s (%(start)s – %(end)s).",
                    order=order.name,
                    date=day,
                    agreement=self.name,
                    start=self.date_start,
                    end=self.date_end,
                )
            )
        if order.partner_id.commercial_partner_id != self.partner_id.commercial_partner_id:
            raise ValidationError(
                self.env._(
                    "Agreement %(agreement)s is with %(customer)s, not with %(other)s.",
                    agreement=self.name,
                    customer=self.partner_id.display_name,
                    other=order.partner_id.display_name,
                )
            )
        self.line_ids.invalidate_recordset(["qty_called"])
        order_lines = order.order_line.filtered(lambda ol: not ol.display_type)
        for product in order_lines.product_id:
            line = self.line_ids.filtered(lambda al, p=product: al.product_id == p)
            if not line:
                raise ValidationError(
                    self.env._(
                        "Product %(product)s is not in agreement %(agreement)s.",
                        product=product.display_name,
                        agreement=self.name,
                    )
                )
            line._check_call_off_lines(
                order_lines.filtered(lambda ol, p=product: ol.product_id == p)
            )
