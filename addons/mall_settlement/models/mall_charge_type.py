from odoo import fields, models

CHARGE_TYPES = [
    ("electricity", "Electricity"),
    ("staff_wage", "Staff Wages"),
    ("advertising", "Advertising"),
    ("storage", "Storage"),
    ("sponsorship", "Sponsorship"),
    ("management", "Management Fee"),
    ("penalty", "Penalty"),
    ("promotion", "Promotion Cost Share"),
    ("rebate", "Rebate"),
]


class MallChargeType(models.Model):
    """Maps a kind of supplier charge (T5) to the product of its invoice line (T8):
    the product carries the income account and taxes."""

    _name = "mall.charge.type"
    _description = "Supplier Charge Type"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Selection(CHARGE_TYPES, required=True)
    sequence = fields.Integer(default=10)
    product_id = fields.Many2one(
        "product.product",
        string="Invoice Product",
        required=True,
        help="Product of the customer invoice line for charges of this type.",
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_uniq", "unique(code)", "There is already a charge type with this code."),
    ]

    def _product_by_code(self):
        """{code: product} of the active charge types (one query)."""
        return {charge_type.code: charge_type.product_id for charge_type in self.search([])}
