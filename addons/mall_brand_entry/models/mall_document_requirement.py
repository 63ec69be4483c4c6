from odoo import api, fields, models

from odoo.addons.mall_consignment.models.mall_supplier_document import DOCUMENT_TYPES

# B2: what a brand category asks when it has no requirement of its own.
DEFAULT_TYPES = (
    "business_licence",
    "tax_registration",
    "quality_report",
    "trademark",
    "brand_authorisation",
)


class MallDocumentRequirement(models.Model):
    """A supplier document (S1) mandatory before an application of a brand category goes
    to the board (B2); ``imported_only`` for the papers only imported goods need."""

    _name = "mall.document.requirement"
    _description = "Mandatory Supplier Document"
    _order = "category_id, document_type"

    category_id = fields.Many2one(
        "mall.brand.category",
        string="Brand Category",
        index=True,
        ondelete="cascade",
        help="Empty: every category without requirements of its own.",
    )
    document_type = fields.Selection(DOCUMENT_TYPES, string="Document", required=True)
    imported_only = fields.Boolean(string="Imported Goods Only")

    _sql_constraints = [
        (
            "type_uniq",
            "unique(category_id, document_type)",
            "This document is already required for the category.",
        ),
    ]

    @api.model
    def _for(self, category, imported):
        """The document types mandatory for a category (the general list when the
        category has none of its own)."""
        requirements = self.search([("category_id", "=", category.id)]) or self.search(
            [("category_id", "=", False)]
        )
        return [r.document_type for r in requirements if imported or not r.imported_only]
