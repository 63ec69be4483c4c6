from odoo import api, fields, models
from odoo.exceptions import UserError

from .common import check_values, check_values_list
from .ir_websocket import CHART_CHANNEL_PREFIX
from .property_unit import UNIT_STATE

BUILDING_LIMITS = {
    "name": 64,
    "code": 16,
    "floor_count": (1, 200),
    "floor_price_step": (-100000, 100000),
}


class PropertyBuilding(models.Model):
    """A building of a project whose units are generated in bulk (U1): floors × unit
    positions, priced by a per-m² base price plus a step per floor."""

    _name = "property.building"
    _inherit = ("mail.thread", "mail.activity.mixin")
    _description = "Property Building"
    _order = "project_id, name"
    _check_company_auto = True

    _sql_constraints = (
        ("floor_count_positive", "CHECK(floor_count > 0)", "A building has at least one floor."),
        (
            "name_unique",
            "UNIQUE(project_id, name)",
            "Building names are unique within a project.",
        ),
    )

    # ------------------------------------------------------------------
    # FIELDS
    # ------------------------------------------------------------------
    name = fields.Char(required=True, tracking=True, help="e.g. 1号楼")
    code = fields.Char(required=True, help="Prefix of the unit names, e.g. 1")
    project_id = fields.Many2one(
        "property.project", required=True, ondelete="restrict", check_company=True, index=True
    )
    company_id = fields.Many2one(related="project_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="project_id.currency_id")
    floor_count = fields.Integer(string="Floors", required=True, default=18, tracking=True)
    floor_price_step = fields.Monetary(
        string="Price Step per Floor (per m²)",
        tracking=True,
        help="Added to the per-m² price for each floor above the first.",
    )
    position_ids = fields.One2many(
        "property.building.position", "building_id", string="Units per Floor"
    )
    unit_ids = fields.One2many("property.unit", "building_id", string="Units")
    unit_count = fields.Integer(compute="_compute_unit_count")

    # ------------------------------------------------------------------
    # COMPUTE METHODS
    # ------------------------------------------------------------------
    @api.depends("unit_ids")
    def _compute_unit_count(self):
        counts = dict(
            self.env["property.unit"]._read_group(
                [("building_id", "in", self.ids)], ["building_id"], ["__count"]
            )
        )
        for building in self:
            building.unit_count = counts.get(building, 0)

    @api.depends("name", "project_id.name")
    def _compute_display_name(self):
        for building in self:
            building.display_name = f"{building.project_id.name} {building.name}"

    # ------------------------------------------------------------------
    # CRUD METHODS
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        check_values_list(self, vals_list, BUILDING_LIMITS)
        return super().create(vals_list)

    def write(self, vals):
        check_values(self, vals, BUILDING_LIMITS)
        return super().write(vals)

    # ------------------------------------------------------------------
    # ACTION METHODS
    # ------------------------------------------------------------------
    def action_generate_units(self):
        """U1: create every missing unit of floors × positions, priced by floor."""
        self.env["property.unit"]._check_manager()
        for building in self:
            if not building.position_ids:
                raise UserError(
                    self.env._(
                        "Building %(building)s has no unit positions: add the units per "
                        "floor (number, layout, area, price per m²) first.",
                        building=building.display_name,
                    )
                )
        self.env["property.unit"].create(self._prepare_missing_units())
        return True

    def action_open_sales_chart(self):
        self.ensure_one()
        return {
            "type": "ir.actions.client",
            "tag": "property_sales.sales_chart",
            "name": self.env._("Sales Control Chart: %(building)s", building=self.display_name),
            "params": {"building_id": self.id},
        }

    def action_view_units(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_sales.property_unit_action"
        )
        action["domain"] = [("building_id", "=", self.id)]
        action["context"] = {"default_building_id": self.id}
        return action

    # ------------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------------
    def _prepare_missing_units(self):
        existing = {
            (unit.building_id.id, unit.floor, unit.number)
            for unit in self.env["property.unit"].search([("building_id", "in", self.ids)])
        }
        vals_list = []
        for building in self:
            currency = building.currency_id
            for floor in range(1, building.floor_count + 1):
                for position in building.position_ids:
                    if (building.id, floor, position.number) in existing:
                        continue
                    per_sqm = position.price_per_sqm + (floor - 1) * building.floor_price_step
                    vals_list.append(
                        {
                            "building_id": building.id,
                            "floor": floor,
                            "number": position.number,
                            "layout": position.layout,
                            "area": position.area,
                            "list_price": currency.round(per_sqm * position.area),
                        }
                    )
        return vals_list

    def _chart_channel(self):
        """Bus channel on which the sales-control chart of this building listens."""
        self.ensure_one()
        return f"{CHART_CHANNEL_PREFIX}{self.id}"

    @api.model
    def load_sales_chart(self, building_id=False):
        """The chart's single RPC: the buildings to choose from and the chart data of the
        requested one (or of the first)."""
        buildings = self.search_fetch([], ["name", "project_id"])
        building = buildings.filtered(lambda b: b.id == building_id) or buildings[:1]
        return {
            "buildings": [{"id": b.id, "name": b.display_name} for b in buildings],
            "chart": building.get_sales_chart_data() if building else False,
        }

    def get_sales_chart_data(self):
        """Everything the sales-control chart (销控图) shows, in one call and a constant
        number of queries: the units of the grid, counts and amounts by state, and what
        the current user may do."""
        self.ensure_one()
        self.check_access("read")
        units = self.env["property.unit"].search_fetch(
            [("building_id", "=", self.id)],
            ["floor", "number", "name", "layout", "area", "list_price", "state"],
            order="floor desc, number",
        )
        totals = {
            state: (count, amount)
            for state, count, amount in self.env["property.unit"]._read_group(
                [("building_id", "=", self.id)], ["state"], ["__count", "list_price:sum"]
            )
        }
        labels = dict(self.env["property.unit"]._fields["state"]._description_selection(self.env))
        user = self.env.user
        return {
            "building": {
                "id": self.id,
                "name": self.display_name,
                "channel": self._chart_channel(),
            },
            "currency_id": self.currency_id.id,
            "floors": sorted({unit.floor for unit in units}, reverse=True),
            "numbers": sorted({unit.number for unit in units}),
            "units": [unit._chart_values() for unit in units],
            "summary": [
                {
                    "state": state,
                    "label": labels[state],
                    "count": totals.get(state, (0, 0.0))[0],
                    "amount": totals.get(state, (0, 0.0))[1],
                }
                for state, _label in UNIT_STATE
            ],
            "rights": {
                "lock": user.has_group("property_sales.group_project_secretary")
                or user.has_group("property_sales.group_contract_clerk"),
                "request": user.has_group("property_sales.group_sales_consultant"),
            },
        }
