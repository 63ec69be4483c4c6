from odoo import api, fields, models

from .common import check_values, check_values_list

POSITION_LIMITS = {
    "number": 16,
    "layout": 64,
    "area": (1, 10000),
    "price_per_sqm": (1, 1000000),
}


class PropertyBuildingPosition(models.Model):
    """One vertical stack of a building (unit 01, 02, ... on every floor): the layout,
    area and base price per square metre used by the bulk generation of units (U1)."""

    _name = "property.building.position"
    _description = "Unit Position in a Building"
    _order = "building_id, number"

    _sql_constraints = (
        (
            "number_unique",
            "UNIQUE(building_id, number)",
            "A position number appears only once per building.",
        ),
        ("area_positive", "CHECK(area > 0)", "The floor area must be positive."),
    )

    building_id = fields.Many2one("property.building", required=True, ondelete="cascade")
    currency_id = fields.Many2one(related="building_id.currency_id")
    number = fields.Char(required=True, help="Unit number on each floor, e.g. 01.")
    layout = fields.Char(required=True, help="户型, e.g. 3室2厅2卫")
    area = fields.Float(string="Floor Area (m²)", digits=(12, 2), required=True)
    price_per_sqm = fields.Monetary(string="Price per m² (ground floor)", required=True)

    @api.model_create_multi
    def create(self, vals_list):
        check_values_list(self, vals_list, POSITION_LIMITS)
        return super().create(vals_list)

    def write(self, vals):
        check_values(self, vals, POSITION_LIMITS)
        return super().write(vals)
