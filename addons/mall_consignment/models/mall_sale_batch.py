from odoo import fields, models


class MallSaleBatch(models.Model):
    """One load of rows into the sales ledger (a till file, a confirmed sale order):
    the audit trail of where ledger rows come from. A file loads once."""

    _name = "mall.sale.batch"
    _description = "Sales Ledger Import"
    _order = "id desc"

    name = fields.Char(string="File", required=True, readonly=True)
    checksum = fields.Char(readonly=True, index=True)
    source = fields.Selection(
        [("till", "Till File"), ("sale", "Sale Order"), ("manual", "Manual")],
        required=True,
        readonly=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, default=lambda self: self.env.company
    )
    row_count = fields.Integer(string="Rows", readonly=True)
    amount_total = fields.Monetary(string="Net Sales", readonly=True)
    discount_total = fields.Monetary(string="Till Discounts", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    line_ids = fields.One2many("mall.sale.line", "batch_id", string="Ledger Rows")

    _sql_constraints = [
        (
            "checksum_company_uniq",
            "unique(checksum, company_id)",
            "This file has already been imported into the sales ledger.",
        ),
    ]
