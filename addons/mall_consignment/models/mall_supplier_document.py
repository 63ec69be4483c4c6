from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.osv import expression

DOCUMENT_TYPES = [
    ("business_licence", "Business Licence"),
    ("tax_registration", "Tax Registration"),
    ("organisation_code", "Organisation Code"),
    ("authorisation", "Legal Representative's Authorisation"),
    ("bank_account", "Bank Account Proof"),
    ("quality_report", "Quality Inspection Report"),
    ("trademark", "Trademark Registration"),
    ("brand_authorisation", "Brand Authorisation"),
    ("import_channel", "Import Channel Proof"),
    ("import_papers", "Import Papers"),
    ("commodity_inspection", "Commodity Inspection"),
    ("sale_permission", "Permission to Sell"),
    ("product_introduction", "Product Introduction"),
    ("production_licence", "Production Licence"),
    ("safety_certificate", "Safety Certificate"),
    ("patent", "Patent"),
    ("hygiene_licence", "Hygiene Licence"),
]
EXPIRING_DAYS = 30


class MallSupplierDocument(models.Model):
    """A supplier entry document (S1): original seen, stamped copy kept."""

    _name = "mall.supplier.document"
    _description = "Supplier Document"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "partner_id, document_type, date_issue desc"
    _rec_name = "number"
    _check_company_auto = True

    partner_id = fields.Many2one(
        "res.partner",
        string="Supplier",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
    )
    brand_id = fields.Many2one("mall.brand", index=True, check_company=True)
    document_type = fields.Selection(DOCUMENT_TYPES, string="Type", required=True, tracking=True)
    number = fields.Char(required=True, tracking=True)
    date_issue = fields.Date(string="Issued On", required=True, tracking=True)
    date_expiry = fields.Date(string="Expires On", tracking=True)
    attachment = fields.Binary(attachment=True, copy=False)
    attachment_name = fields.Char()
    original_seen = fields.Boolean(string="Original Seen")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    validity = fields.Selection(
        [("valid", "Valid"), ("expiring", "Expiring Soon"), ("expired", "Expired")],
        compute="_compute_validity",
        search="_search_validity",
        help="Expired past its expiry date; a quality inspection report also once it is "
        "older than the company's validity in months. Expiring within 30 days.",
    )
    date_valid_until = fields.Date(
        string="Valid Until", compute="_compute_validity", help="The last day it counts."
    )

    @api.constrains("date_issue", "date_expiry")
    def _check_dates(self):
        for document in self:
            if document.date_expiry and document.date_expiry < document.date_issue:
                raise ValidationError(
                    self.env._(
                        "Document %(number)s: the expiry date is before the issue date.",
                        number=document.number,
                    )
                )

    def _valid_until(self):
        self.ensure_one()
        limits = [self.date_expiry] if self.date_expiry else []
        if self.document_type == "quality_report":
            months = self.company_id.mall_quality_report_months or 12
            limits.append(self.date_issue + relativedelta(months=months, days=-1))
        return min(limits) if limits else False

    @api.depends("date_issue", "date_expiry", "document_type")
    def _compute_validity(self):
        today = fields.Date.context_today(self)
        for document in self:
            until = document.date_issue and document._valid_until()
            document.date_valid_until = until
            if until and until < today:
                document.validity = "expired"
            elif until and (until - today).days <= EXPIRING_DAYS:
                document.validity = "expiring"
            else:
                document.validity = "valid"

    def _search_validity(self, operator, value):
        if operator not in ("=", "!=", "in", "not in"):
            raise ValidationError(self.env._("Unsupported search on validity."))
        values = {value} if isinstance(value, str) else set(value)
        today = fields.Date.context_today(self)
        soon = today + relativedelta(days=EXPIRING_DAYS + 1)
        by_value = {
            "expired": self._ends_before(today),
            "expiring": expression.AND([self._ends_before(soon), ["!", *self._ends_before(today)]]),
            "valid": ["!", *self._ends_before(soon)],
        }
        domain = expression.OR([by_value[v] for v in values if v in by_value] or [[(0, "=", 1)]])
        return domain if operator in ("=", "in") else ["!", *domain]

    @api.model
    def _ends_before(self, day):
        """Domain of the documents whose validity ends before ``day`` (as computed by
        ``_valid_until``), one term per company for the quality-report months."""
        quality = expression.OR(
            [
                [
                    ("company_id", "=", company.id),
                    (
                        "date_issue",
                        "<=",
                        day - relativedelta(months=company.mall_quality_report_months or 12),
                    ),
                ]
                for company in self.env.companies
            ]
        )
        return expression.normalize_domain(
            expression.OR(
                [
                    # Not null first: the domain is negated, and NOT (NULL < day) is NULL.
                    [("date_expiry", "!=", False), ("date_expiry", "<", day)],
                    expression.AND([[("document_type", "=", "quality_report")], quality]),
                ]
            )
        )
