from odoo import api, fields, models
from odoo.exceptions import ValidationError

BRAND_STAGES = [
    ("research", "Research"),
    ("reserve", "Reserve"),
    ("introduced", "Introduced"),
    ("exited", "Exited"),
]


class MallBrand(models.Model):
    """The brand library (C2): research → reserve → introduced → exited."""

    _name = "mall.brand"
    _description = "Brand"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "name"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    category_id = fields.Many2one(
        "mall.brand.category", string="Category", required=True, tracking=True, index=True
    )
    level = fields.Selection(
        [
            ("international", "International"),
            ("national", "National"),
            ("regional", "Regional"),
            ("other", "Other"),
        ],
        required=True,
        default="national",
        tracking=True,
    )
    stage = fields.Selection(
        BRAND_STAGES, required=True, default="research", tracking=True, group_expand=True
    )
    partner_id = fields.Many2one(
        "res.partner", string="Supplier", tracking=True, index=True, check_company=True
    )
    company_id = fields.Many2one(
        "res.company",
        default=lambda self: self.env.company,
        index=True,
        help="The company whose mall keeps the brand; empty: shared by every company.",
    )
    origin = fields.Char(string="Country of Origin")
    positioning = fields.Text()
    representative = fields.Boolean(
        string="Representative Brand", help="Ranks in payment class (b) of the settlement."
    )
    promising = fields.Boolean(help="Ranks in payment class (d) of the settlement.")
    date_introduced = fields.Date(string="Introduced On", tracking=True)
    image_128 = fields.Image(max_width=128, max_height=128)
    color = fields.Integer()
    active = fields.Boolean(default=True)
    counter_ids = fields.One2many("mall.counter", "brand_id", string="Counters")
    contract_ids = fields.One2many("mall.contract", "brand_id", string="Contracts")

    _sql_constraints = [
        (
            "name_uniq",
            "unique(name, company_id)",
            "A brand with this name is already in the library.",
        ),
    ]

    @api.constrains("name")
    def _check_name_length(self):
        for brand in self:
            if len(brand.name or "") > 100:
                raise ValidationError(
                    self.env._(
                        "%(field)s is longer than %(limit)s characters.",
                        field=brand._fields["name"].get_description(self.env)["string"],
                        limit=100,
                    )
                )

    def write(self, vals):
        if vals.get("stage") == "introduced" and "date_introduced" not in vals:
            vals["date_introduced"] = fields.Date.context_today(self)
        return super().write(vals)
