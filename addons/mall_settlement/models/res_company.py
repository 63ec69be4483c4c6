from datetime import date, timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.marketing_base.models.common import selection_label

# The VAT of the Chinese localization (l10n_cn) a mall's settlement uses, by chart:
# goods bought from the supplier at 13%, the mall's services (commission, fees) at 6%.
L10N_CN_SETTLEMENT_TAXES = {
    "mall_settlement_goods_tax_id": (
        "l10n_cn_purchase_excluded_13",
        "l10n_cn_tax_large_bis_purchase_excluded_13",
    ),
    "mall_settlement_service_tax_id": (
        "l10n_cn_sales_excluded_6",
        "l10n_cn_tax_large_bis_sales_excluded_6",
    ),
}


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
    mall_settlement_goods_tax_id = fields.Many2one(
        "account.tax",
        string="Goods VAT (Vendor Bill)",
        domain="[('type_tax_use', '=', 'purchase'), ('price_include', '=', True), "
        "('company_id', 'parent_of', id)]",
        help="VAT included in the amounts of the supplier's vendor bill (goods; 13% in "
        "China): the bill total stays the settled amount, the tax is split out inside it. "
        "Empty: no tax line.",
    )
    mall_settlement_service_tax_id = fields.Many2one(
        "account.tax",
        string="Services VAT (Customer Invoice)",
        domain="[('type_tax_use', '=', 'sale'), ('price_include', '=', True), "
        "('company_id', 'parent_of', id)]",
        help="VAT included in the commission, shortfall and charges invoiced to the "
        "supplier (services; 6% in China). Empty: no tax line.",
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

    @api.constrains("mall_settlement_goods_tax_id", "mall_settlement_service_tax_id")
    def _check_mall_settlement_taxes(self):
        """Settlement amounts include VAT: a tax added on top would change the bill and
        invoice totals away from the statement's figures."""
        for company in self:
            for field, use in (
                ("mall_settlement_goods_tax_id", "purchase"),
                ("mall_settlement_service_tax_id", "sale"),
            ):
                tax = company[field]
                if not tax:
                    continue
                label = company._fields[field].get_description(self.env)["string"]
                if tax.type_tax_use != use or not tax.price_include:
                    raise ValidationError(
                        self.env._(
                            "%(field)s of %(company)s: tax %(tax)s must be of type %(use)s "
                            "and included in the price (settlement amounts include VAT).",
                            field=label,
                            company=company.name,
                            tax=tax.display_name,
                            use=selection_label(tax, "type_tax_use", use),
                        )
                    )
                if tax.company_id not in company.parent_ids:
                    raise ValidationError(
                        self.env._(
                            "%(field)s of %(company)s: tax %(tax)s belongs to company "
                            "%(other)s.",
                            field=label,
                            company=company.name,
                            tax=tax.display_name,
                            other=tax.company_id.name,
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

    def _mall_settlement_taxes(self):
        """(goods tax, services tax) of the settlement documents (empty: no tax)."""
        self.ensure_one()
        return self.mall_settlement_goods_tax_id, self.mall_settlement_service_tax_id

    def _mall_settlement_setup_taxes(self):
        """Default the settlement taxes of companies on the Chinese chart (l10n_cn):
        its 13% purchase and 6% sale VAT, as tax-included copies when the chart's taxes
        exclude the tax (settlement amounts include it). Fields already set are kept."""
        Chart = self.env["account.chart.template"]
        for company in self:
            for field, xmlids in L10N_CN_SETTLEMENT_TAXES.items():
                if company[field]:
                    continue
                chart = Chart.with_company(company)
                taxes = [chart.ref(xmlid, raise_if_not_found=False) for xmlid in xmlids]
                tax = next((tax for tax in taxes if tax), None)
                if tax:
                    company[field] = company._mall_tax_included(tax)

    def _mall_tax_included(self, tax):
        """``tax`` itself when it is included in the price, else its tax-included copy
        (made once, named "13% incl." / "13%（含税）")."""
        self.ensure_one()
        if tax.price_include:
            return tax
        Tax = self.env["account.tax"].with_context(active_test=False, lang="en_US")
        name = f"{tax.with_context(lang='en_US').name} incl."
        included = Tax.search(
            [
                ("company_id", "=", tax.company_id.id),
                ("type_tax_use", "=", tax.type_tax_use),
                ("price_include_override", "=", "tax_included"),
                ("name", "=", name),
            ],
            limit=1,
        )
        if included:
            return included
        included = tax.with_context(lang="en_US").copy(
            {"name": name, "price_include_override": "tax_included"}
        )
        installed = dict(self.env["res.lang"].get_installed())
        if "zh_CN" in installed:
            chinese = tax.with_context(lang="zh_CN").name
            included.update_field_translations("name", {"zh_CN": f"{chinese}（含税）"})
        return included
