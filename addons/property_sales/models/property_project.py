from datetime import timedelta

from odoo import api, fields, models

from .common import check_values, check_values_list

MAX_AMOUNT = 1e9  # no deposit or flat of a sales office reaches a billion yuan

PROJECT_LIMITS = {
    "name": 128,
    "code": 16,
    "address": 256,
    "lock_validity_hours": (1, 720),
    "deposit_standard": (0.01, MAX_AMOUNT),
    "deposit_minimum": (0.01, MAX_AMOUNT),
    "discount_limit": (0, 99.99),
}


class PropertyProject(models.Model):
    """A development sold by one sales office (U1), with its deposit (D1), lock-validity
    (U7) and discount (D7) rules."""

    _name = "property.project"
    _inherit = ("mail.thread", "mail.activity.mixin")
    _description = "Property Project"
    _order = "name"
    _check_company_auto = True

    _sql_constraints = (
        (
            "lock_validity_positive",
            "CHECK(lock_validity_hours > 0)",
            "The lock validity must be at least one hour.",
        ),
        (
            "deposit_minimum_positive",
            "CHECK(deposit_minimum > 0)",
            "The minimum deposit must be positive.",
        ),
        (
            "deposit_minimum_le_standard",
            "CHECK(deposit_minimum <= deposit_standard)",
            "The minimum deposit cannot exceed the standard deposit.",
        ),
        (
            "discount_limit_range",
            "CHECK(discount_limit >= 0 AND discount_limit < 100)",
            "The consultants' discount limit must be between 0 and 100 percent.",
        ),
    )

    # ------------------------------------------------------------------
    # FIELDS
    # ------------------------------------------------------------------
    name = fields.Char(required=True, tracking=True)
    code = fields.Char(required=True, help="Short code printed on subscriptions.")
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    address = fields.Char()
    lock_validity_hours = fields.Integer(
        default=24,
        required=True,
        tracking=True,
        help="A lock without subscription is released after this many hours, "
        "from 1 to 720 (30 days).",
    )
    deposit_standard = fields.Monetary(
        string="Standard Deposit", required=True, default=50000.0, tracking=True
    )
    deposit_minimum = fields.Monetary(
        string="Minimum Deposit", required=True, default=20000.0, tracking=True
    )
    discount_limit = fields.Float(
        string="Consultant Discount Limit (%)",
        default=2.0,
        required=True,
        tracking=True,
        help="Larger discounts need the marketing manager's approval.",
    )
    building_ids = fields.One2many("property.building", "project_id", string="Buildings")
    unit_count = fields.Integer(compute="_compute_unit_count")

    # ------------------------------------------------------------------
    # COMPUTE METHODS
    # ------------------------------------------------------------------
    @api.depends("building_ids")
    def _compute_unit_count(self):
        counts = dict(
            self.env["property.unit"]._read_group(
                [("project_id", "in", self.ids)], ["project_id"], ["__count"]
            )
        )
        for project in self:
            project.unit_count = counts.get(project, 0)

    # ------------------------------------------------------------------
    # CRUD METHODS
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        check_values_list(self, vals_list, PROJECT_LIMITS)
        return super().create(vals_list)

    def write(self, vals):
        check_values(self, vals, PROJECT_LIMITS)
        return super().write(vals)

    # ------------------------------------------------------------------
    # ACTION METHODS
    # ------------------------------------------------------------------
    def _demo_sales_story(self):
        """Demo data: units of the project's first building in every state, each reached
        through the real business methods by the demo users of each role."""

        def user(name):
            return self.env.ref(f"property_sales.demo_user_{name}")

        def customer(name):
            return self.env.ref(f"property_sales.demo_customer_{name}")

        units = self.building_ids.sorted("name")[:1].unit_ids
        unit = {u.name: u for u in units}
        secretary, clerk, manager = user("secretary"), user("clerk"), user("manager")
        consultant, service, cashier = user("consultant"), user("service"), user("cashier")
        Deposit = self.env["property.deposit"].with_user(consultant)
        Subscription = self.env["property.subscription"].with_user(consultant)

        def sell(unit_name, partner, amount):
            target = unit[unit_name]
            deposit = Deposit.create(
                {
                    "project_id": self.id,
                    "unit_id": target.id,
                    "partner_id": partner.id,
                    "amount": amount,
                }
            )
            deposit.action_submit()
            deposit.with_user(cashier).action_register_payment()
            target.with_user(secretary).lock_unit(partner.id, deposit_id=deposit.id)
            subscription = Subscription.create({"unit_id": target.id, "partner_id": partner.id})
            subscription.action_confirm()
            return subscription

        unit["1-1801"].with_user(manager).action_withhold()
        unit["1-0201"].with_user(secretary).lock_unit(
            customer("lin").id, id_number="330106198805120023"
        )
        unit["1-0302"].with_user(clerk).lock_unit(customer("wu").id, id_number="330102197911030419")
        sell("1-0501", customer("huang"), 50000)
        temporary = sell("1-0602", customer("zhou"), 20000)
        # D5: the customer asks for one more week to top the deposit up
        temporary.topup_deadline_requested = temporary.topup_deadline + timedelta(days=7)
        temporary.action_request_extension()
        for unit_name, partner in (("1-0801", customer("he")), ("1-1004", customer("lin"))):
            subscription = sell(unit_name, partner, 50000)
            subscription.with_user(service).write(
                {
                    "mortgage_documents": True,
                    "contract_registered": True,
                    "contract_number": f"HZ-{unit_name}",
                }
            )
            subscription.with_user(service).action_contract()
        Subscription.search([("unit_id", "=", unit["1-1004"].id)]).with_user(
            service
        ).action_deliver()

    def action_view_units(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_sales.property_unit_action"
        )
        action["domain"] = [("project_id", "=", self.id)]
        action["context"] = {"default_project_id": self.id}
        return action
