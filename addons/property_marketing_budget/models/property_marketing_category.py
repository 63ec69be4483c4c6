from odoo import fields, models


class PropertyMarketingCategory(models.Model):
    """X1: an expense category of the marketing budget (advertising, events, ...)."""

    _name = "property.marketing.category"
    _description = "Marketing Expense Category"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
