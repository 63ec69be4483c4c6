from odoo import fields, models


class MallBrandCategory(models.Model):
    _name = "mall.brand.category"
    _description = "Brand Category"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char()
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    brand_ids = fields.One2many("mall.brand", "category_id", string="Brands")
    brand_count = fields.Integer(compute="_compute_brand_count")

    _sql_constraints = [
        ("name_uniq", "unique(name)", "A brand category with this name already exists."),
    ]

    def _compute_brand_count(self):
        for category in self:
            category.brand_count = len(category.brand_ids)
