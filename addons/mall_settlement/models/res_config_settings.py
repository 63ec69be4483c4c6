from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    mall_cutoff_day = fields.Integer(related="company_id.mall_cutoff_day", readonly=False)
    mall_settlement_purchase_journal_id = fields.Many2one(
        related="company_id.mall_settlement_purchase_journal_id", readonly=False
    )
    mall_settlement_sale_journal_id = fields.Many2one(
        related="company_id.mall_settlement_sale_journal_id", readonly=False
    )
    mall_settlement_netting_journal_id = fields.Many2one(
        related="company_id.mall_settlement_netting_journal_id", readonly=False
    )
    mall_settlement_goods_product_id = fields.Many2one(
        related="company_id.mall_settlement_goods_product_id", readonly=False
    )
    mall_settlement_commission_product_id = fields.Many2one(
        related="company_id.mall_settlement_commission_product_id", readonly=False
    )
    mall_settlement_shortfall_product_id = fields.Many2one(
        related="company_id.mall_settlement_shortfall_product_id", readonly=False
    )
    mall_settlement_goods_tax_id = fields.Many2one(
        related="company_id.mall_settlement_goods_tax_id",
        readonly=False,
        domain="[('type_tax_use', '=', 'purchase'), ('price_include', '=', True), "
        "('company_id', 'parent_of', company_id)]",
    )
    mall_settlement_service_tax_id = fields.Many2one(
        related="company_id.mall_settlement_service_tax_id",
        readonly=False,
        domain="[('type_tax_use', '=', 'sale'), ('price_include', '=', True), "
        "('company_id', 'parent_of', company_id)]",
    )
