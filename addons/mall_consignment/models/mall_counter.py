from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

from odoo.addons.marketing_base.models.common import join_list

from .bounds import raise_if_not_finite

AREA_LIMIT = 100_000.0  # m², larger than any department store floor

COUNTER_TYPES = [
    ("admin", "Administrative Counter"),
    ("island", "Island Counter"),
    ("image_hall", "Image Hall"),
    ("brand_hall", "Independent Brand Hall"),
]


class MallCounter(models.Model):
    """A joint-operation counter (C1): on a floor, with at most one active contract."""

    _name = "mall.counter"
    _description = "Mall Counter"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "floor_id, code"
    _rec_names_search = ["code", "name"]
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    code = fields.Char(required=True, tracking=True, index=True)
    floor_id = fields.Many2one(
        "mall.floor", string="Floor", required=True, tracking=True, index=True
    )
    company_id = fields.Many2one(related="floor_id.company_id", store=True, index=True)
    area = fields.Float(string="Area (m²)", digits=(12, 2), required=True, tracking=True)
    counter_type = fields.Selection(
        COUNTER_TYPES, string="Type", required=True, default="island", tracking=True
    )
    contract_ids = fields.Many2many(
        "mall.contract",
        "mall_contract_counter_rel",
        "counter_id",
        "contract_id",
        string="Contracts",
        check_company=True,
    )
    contract_id = fields.Many2one(
        "mall.contract",
        string="Active Contract",
        compute="_compute_contract_id",
        store=True,
        index=True,
    )
    brand_id = fields.Many2one(related="contract_id.brand_id", store=True, string="Brand")
    partner_id = fields.Many2one(related="contract_id.partner_id", store=True, string="Supplier")
    state = fields.Selection(
        [("vacant", "Vacant"), ("occupied", "Occupied")],
        compute="_compute_contract_id",
        store=True,
    )
    active = fields.Boolean(default=True)
    color = fields.Integer()
    can_edit = fields.Boolean(
        compute="_compute_can_edit",
        help="Whether the user may change the counter: a Floor Manager changes the "
        "counters of own floors only and reads the others.",
    )

    _sql_constraints = [
        ("code_company_uniq", "unique(code, company_id)", "A counter code must be unique."),
        ("area_positive", "CHECK(area > 0)", "The area of a counter must be positive."),
    ]

    @api.constrains("name", "code", "area")
    def _check_values(self):
        for counter in self:
            for name, limit in (("name", 100), ("code", 32)):
                if len(counter[name] or "") > limit:
                    raise ValidationError(
                        self.env._(
                            "Counter %(code)s: %(field)s is longer than %(limit)s characters.",
                            code=(counter.code or "")[:32],
                            field=counter._fields[name].get_description(self.env)["string"],
                            limit=limit,
                        )
                    )
            if not 0 < counter.area <= AREA_LIMIT:
                raise ValidationError(
                    self.env._(
                        "Counter %(code)s: %(field)s must be more than 0 and at most "
                        "%(limit)s m².",
                        code=counter.code,
                        field=counter._fields["area"].get_description(self.env)["string"],
                        limit=f"{AREA_LIMIT:,.0f}",
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        raise_if_not_finite(self, vals_list)
        return super().create(vals_list)

    def write(self, vals):
        raise_if_not_finite(self, [vals])
        if "floor_id" in vals and not (
            self.env.su or self.env.user.has_group("mall_consignment.group_marketing_head")
        ):
            moved = self.filtered(lambda counter: counter.floor_id.id != vals["floor_id"])
            if moved:
                raise AccessError(
                    self.env._(
                        "Only the Marketing Head moves a counter to another floor (%(counters)s).",
                        counters=join_list(self.env, moved.mapped("code")),
                    )
                )
        return super().write(vals)

    @api.depends("floor_id")
    @api.depends_context("uid")
    def _compute_can_edit(self):
        stored = self.browse([counter._origin.id for counter in self if counter._origin.id])
        writable = set(stored._filtered_access("write").ids)
        can_create = self.browse().has_access("create")
        for counter in self:
            counter.can_edit = counter._origin.id in writable if counter._origin.id else can_create

    def _check_access(self, operation):
        """A Floor Manager changing a counter of another floor is told which counter and
        floor, instead of core's generic record-rule message."""
        result = super()._check_access(operation)
        if (
            not result
            or operation not in ("write", "unlink")
            or not self.env["ir.model.access"].check(self._name, operation, False)
        ):
            return result
        forbidden = result[0].sudo()
        if forbidden.company_id - self.env.companies:
            return result

        def make_error():
            return AccessError(
                self.env._(
                    "Counter %(counters)s is on floor %(floors)s, which you do not run: "
                    "only its Floor Managers and the Marketing Head change it.",
                    counters=join_list(self.env, forbidden.mapped("display_name")),
                    floors=join_list(self.env, forbidden.floor_id.mapped("name")),
                )
            )

        return result[0], make_error

    @api.depends("contract_ids.state")
    def _compute_contract_id(self):
        for counter in self:
            active = counter.contract_ids.filtered(lambda contract: contract.state == "active")
            counter.contract_id = active[:1]
            counter.state = "occupied" if active else "vacant"

    @api.depends("code", "name")
    def _compute_display_name(self):
        for counter in self:
            counter.display_name = f"[{counter.code}] {counter.name}"
