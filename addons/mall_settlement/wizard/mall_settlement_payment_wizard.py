from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.mall_consignment.models.mall_contract_terms import to_decimal


class MallSettlementPaymentWizard(models.TransientModel):
    """T9: pay the queue (priority class, then invoice receipt time) with the funds
    available; each statement is paid whole or not at all and the run stops at the
    first statement the remaining funds do not cover, so the queue order holds."""

    _name = "mall.settlement.payment.wizard"
    _description = "Settlement Payment Run"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount = fields.Monetary(string="Funds Available", required=True)
    journal_id = fields.Many2one(
        "account.journal",
        string="Payment Journal",
        required=True,
        check_company=True,
        domain="[('type', 'in', ('bank', 'cash')), ('company_id', '=', company_id)]",
        default=lambda self: self.env["account.journal"].search(
            [
                *self.env["account.journal"]._check_company_domain(self.env.company),
                ("type", "=", "bank"),
            ],
            limit=1,
        ),
    )
    statement_ids = fields.Many2many(
        "mall.settlement.statement",
        string="Statements to Pay",
        compute="_compute_statement_ids",
    )
    total = fields.Monetary(string="Total Paid", compute="_compute_statement_ids")

    def _queue(self):
        Statement = self.env["mall.settlement.statement"]
        return Statement.search(
            Statement._payment_queue_domain(self.company_id),
            order="priority_class, invoice_received_date, id",
        )

    def _selection(self):
        """The head of the queue the amount covers."""
        self.ensure_one()
        remaining = to_decimal(self.amount)
        selected = self.env["mall.settlement.statement"]
        for statement in self._queue():
            payable = to_decimal(statement.payable)
            if payable > remaining:
                break
            remaining -= payable
            selected |= statement
        return selected

    @api.depends("amount", "company_id")
    def _compute_statement_ids(self):
        for wizard in self:
            selected = (
                wizard._selection() if wizard.amount >= 0 else self.env["mall.settlement.statement"]
            )
            wizard.statement_ids = selected
            wizard.total = sum(selected.mapped("payable"))

    def action_pay(self):
        self.ensure_one()
        self.env["mall.settlement.statement"]._check_finance()
        if self.amount < 0:
            raise UserError(self.env._("The amount available for payments cannot be negative."))
        statements = self._selection()
        if not statements:
            raise UserError(
                self.env._("The amount does not cover the first statement of the payment queue.")
            )
        payments = self.env["account.payment"]
        for statement in statements:
            payments |= statement._pay(self.journal_id)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Paid Statements"),
            "res_model": "mall.settlement.statement",
            "view_mode": "list,form",
            "domain": [("id", "in", statements.ids)],
        }
