from datetime import date, timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    mall_cutoff_day = fields.Integer(
        string="Settlement Cutoff Day",
        default=25,
        help="Day of the month that closes a settlement period: the period of month M "
        "runs from the day after the cutoff in M-1 to the cutoff day in M.",
    )
    mall_settlement_purchase_journal_id = fields.Many2one(
        "account.journal",
        string="Settlement Vendor Bill Journal",
        domain="[('type', '=', 'purchase'), ('company_id', '=', id)]",
    )
    mall_settlement_sale_journal_id = fields.Many2one(
        "account.journal",
        string="Settlement Invoice Journal",
        domain="[('type', '=', 'sale'), ('company_id', '=', id)]",
    )
    mall_settlement_netting_journal_id = fields.Many2one(
        "account.journal",
        string="Settlement Netting Journal",
        domain="[('type', '=', 'general'), ('company_id', '=', id)]",
        help="Journal of the entries that offset a supplier's invoice against its bill.",
    )
    mall_settlement_goods_product_id = fields.Many2one(
        "product.product",
        string="Goods Product",
        help="Product of the vendor bill lines for the goods sold (net sales and the mall's "
        "share of till discounts).",
    )
    mall_settlement_commission_product_id = fields.Many2one(
        "product.product", string="Commission Product"
    )
    mall_settlement_shortfall_product_id = fields.Many2one(
        "product.product", string="Shortfall Product"
    )

    @api.constrains("mall_cutoff_day")
    def _check_mall_cutoff_day(self):
        for company in self:
            if not 1 <= company.mall_cutoff_day <= 28:
                raise ValidationError(
                    self.env._(
                        "The settlement cutoff day must be between 1 and 28 (%(company)s).",
                        company=company.name,
                    )
                )

    @api.constrains(
        "mall_settlement_purchase_journal_id",
        "mall_settlement_sale_journal_id",
        "mall_settlement_netting_journal_id",
    )
    def _check_mall_settlement_journals(self):
        for company in self:
            for field in (
                "mall_settlement_purchase_journal_id",
                "mall_settlement_sale_journal_id",
                "mall_settlement_netting_journal_id",
            ):
                journal = company[field]
                if journal and journal.company_id not in company.parent_ids:
                    raise ValidationError(
                        self.env._(
                            "%(field)s of %(company)s: journal %(journal)s belongs to company "
                            "%(other)s.",
                            field=company._fields[field].get_description(self.env)["string"],
                            company=company.name,
                            journal=journal.display_name,
                            other=journal.company_id.name,
                        )
                    )

    def _mall_period_dates(self, year, month):
        """T1: (first day, last day) of the settlement period of ``month``."""
        self.ensure_one()
        cutoff = self.mall_cutoff_day or 25
        date_to = date(year, month, cutoff)
        previous = date(year, month, 1) - timedelta(days=1)
        date_from = date(previous.year, previous.month, cutoff) + timedelta(days=1)
        return date_from, date_to

    def _mall_settlement_journal(self, kind):
        """The configured settlement journal of ``kind`` (purchase, sale, general), else
        the company's first journal of that type."""
        self.ensure_one()
        field = {
            "purchase": "mall_settlement_purchase_journal_id",
            "sale": "mall_settlement_sale_journal_id",
            "general": "mall_settlement_netting_journal_id",
        }[kind]
        journal = self[field] or self.env["account.journal"].search(
            [*self.env["account.journal"]._check_company_domain(self), ("type", "=", kind)],
            limit=1,
        )
        if not journal:
            raise UserError(
                self.env._(
                    "Company %(company)s has no %(kind)s journal for settlements: configure "
                    "one in Settings.",
                    company=self.name,
                    kind=kind,
                )
            )
        return journal

    def _mall_settlement_product(self, kind):
        """The product of settlement lines of ``kind`` (goods, commission, shortfall)."""
        self.ensure_one()
        product = self[f"mall_settlement_{kind}_product_id"] or self.env.ref(
            f"mall_settlement.product_settlement_{kind}", raise_if_not_found=False
        )
        if not product:
            raise UserError(
                self.env._(
                    "No %(kind)s product is configured for settlements in Settings.", kind=kind
                )
            )
        return product
