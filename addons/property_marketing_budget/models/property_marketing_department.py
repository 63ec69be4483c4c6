from odoo import fields, models


class PropertyMarketingDepartment(models.Model):
    """X1: a department a marketing budget is split by (策划部, 销售部, ...)."""

    _name = "property.marketing.department"
    _description = "Marketing Budget Department"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
