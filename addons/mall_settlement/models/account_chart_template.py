from odoo import models


class AccountChartTemplate(models.AbstractModel):
    _inherit = "account.chart.template"

    def _load(self, template_code, company, install_demo):
        """A company that gets the Chinese chart (l10n_cn) gets its settlement VAT."""
        result = super()._load(template_code, company, install_demo)
        (company or self.env.company)._mall_settlement_setup_taxes()
        return result
