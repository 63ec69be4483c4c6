from odoo import api, fields, models
from odoo.exceptions import UserError


class MallChargeType(models.Model):
    """A kind of supplier charge (T5): electricity, staff wages, storage fee… Types are
    records, so another module adds its own as data (``mall.charge.type`` records with a
    code, a default product and a sign). The product carries the income (or expense)
    account and taxes of the invoice line (T8); ``account_id`` overrides the account."""

    _name = "mall.charge.type"
    _description = "Supplier Charge Type"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(
        required=True,
        help="Technical code other modules and imports use to find the type (e.g. storage).",
    )
    sequence = fields.Integer(default=10)
    product_id = fields.Many2one(
        "product.product",
        string="Default Product",
        required=True,
        help="Product of the invoice (or bill) line of charges of this type: its account "
        "and taxes apply.",
    )
    account_id = fields.Many2one(
        "account.account",
        string="Account",
        help="When set, the account of the invoice line instead of the product's.",
    )
    sign = fields.Selection(
        [
            ("charge", "Charged to the Supplier"),
            ("credit", "Credited to the Supplier"),
        ],
        default="charge",
        required=True,
        help="Charged: deducted from the payable amount, invoiced to the supplier. "
        "Credited: added to the payable amount, on the vendor bill.",
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_uniq", "unique(code)", "There is already a charge type with this code."),
    ]

    @api.model
    def _by_code(self, code):
        """The charge type of ``code`` (archived ones included), or a clear error."""
        charge_type = self.with_context(active_test=False).search([("code", "=", code)], limit=1)
        if not charge_type:
            raise UserError(
                self.env._(
                    "No supplier charge type has the code %(code)s: add it under Settlement "
                    "> Configuration > Charge Types.",
                    code=code,
                )
            )
        return charge_type

    def _factor(self):
        """+1 for a charge deducted from the payable amount, -1 for a credit."""
        self.ensure_one()
        return -1 if self.sign == "credit" else 1
