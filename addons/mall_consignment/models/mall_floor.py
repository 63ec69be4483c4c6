from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class MallFloor(models.Model):
    _name = "mall.floor"
    _description = "Mall Floor"
    _inherit = ["mail.thread"]
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True, tracking=True)
    code = fields.Char(required=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    manager_ids = fields.Many2many(
        "res.users",
        "mall_floor_manager_rel",
        "floor_id",
        "user_id",
        string="Floor Managers",
        check_company=True,
        help="Floor managers who edit this floor's counters and sales.",
    )
    accountant_ids = fields.Many2many(
        "res.users",
        "mall_floor_accountant_rel",
        "floor_id",
        "user_id",
        string="Floor Accountants",
        check_company=True,
    )
    counter_ids = fields.One2many("mall.counter", "floor_id", string="Counters")
    is_my_floor = fields.Boolean(
        string="My Floor",
        compute="_compute_is_my_floor",
        search="_search_is_my_floor",
        help="A floor the user runs as its manager or accountant; for a user who runs no "
        "floor, every floor.",
    )
    counter_count = fields.Integer(compute="_compute_counter_stats")
    area_total = fields.Float(string="Counter Area (m²)", compute="_compute_counter_stats")

    _sql_constraints = [
        ("code_company_uniq", "unique(code, company_id)", "A floor code must be unique."),
    ]

    @api.constrains("name", "code")
    def _check_lengths(self):
        for floor in self:
            for name, limit in (("name", 100), ("code", 32)):
                if len(floor[name] or "") > limit:
                    raise ValidationError(
                        self.env._(
                            "Floor: %(field)s is longer than %(limit)s characters.",
                            field=floor._fields[name].get_description(self.env)["string"],
                            limit=limit,
                        )
                    )

    def _compute_counter_stats(self):
        for floor in self:
            floor.counter_count = len(floor.counter_ids)
            floor.area_total = sum(floor.counter_ids.mapped("area"))

    @api.model
    def _my_floor_ids(self):
        """Ids of the floors the user runs, or None when the user runs none."""
        user = self.env.user
        floors = (
            self.sudo()
            .with_context(active_test=False)
            .search(["|", ("manager_ids", "in", user.id), ("accountant_ids", "in", user.id)])
        )
        return floors.ids or None

    @api.depends_context("uid")
    def _compute_is_my_floor(self):
        mine = self._my_floor_ids()
        for floor in self:
            floor.is_my_floor = mine is None or floor.id in mine

    def _search_is_my_floor(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on My Floor."))
        mine = self._my_floor_ids()
        positive = (operator == "=") == value
        if mine is None:
            return [(1, "=", 1)] if positive else [(0, "=", 1)]
        return [("id", "in" if positive else "not in", mine)]
