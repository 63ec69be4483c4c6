from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.translate import LazyTranslate

from odoo.addons.marketing_base.models.common import selection_label

_lt = LazyTranslate(__name__)

ROLES = (
    "mall_consignment.group_floor_manager",
    "mall_consignment.group_floor_accountant",
    "mall_consignment.group_marketing_head",
)


class MallFixtureStorage(models.Model):
    """Fixtures left after a counter change (F1), stored backstage: day 1 free, then the
    company's fee per piece per day, scrapped after day 10 with no more fee. The fee is
    a supplier charge of the settlement period of the day they leave storage."""

    _name = "mall.fixture.storage"
    _description = "Fixture Storage"
    _inherit = ["mail.thread", "mail.activity.mixin", "marketing.workflow.mixin"]
    _order = "date_stored desc, id desc"
    _check_company_auto = True

    _workflow_fields = {
        "state": _lt("the Collected and Scrap buttons"),
        "date_end": _lt("the Collected and Scrap buttons"),
        "charge_id": _lt("the Collected and Scrap buttons"),
    }

    name = fields.Char(string="Description", required=True, default="/")
    contract_id = fields.Many2one(
        "mall.contract",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        domain="[('company_id', '=', company_id), ('contract_type', '=', 'consignment')]",
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Supplier",
        compute="_compute_partner_id",
        store=True,
        readonly=False,
        index=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    exit_notice_id = fields.Many2one("mall.exit.notice", index=True, check_company=True)
    pieces = fields.Integer(required=True, default=1, tracking=True)
    date_stored = fields.Date(
        string="Stored On", required=True, default=fields.Date.context_today, tracking=True
    )
    date_end = fields.Date(
        string="Left Storage On",
        readonly=True,
        copy=False,
        tracking=True,
        help="The day the fixtures were collected or scrapped.",
    )
    days_stored = fields.Integer(compute="_compute_fee", help="Day 1 is the storage day.")
    fee = fields.Monetary(
        compute="_compute_fee",
        help="Fee per piece per day × pieces × min(days stored − 1, days before scrap − 1).",
    )
    charge_id = fields.Many2one(
        "mall.supplier.charge", string="Storage Charge", readonly=True, copy=False
    )
    state = fields.Selection(
        [("stored", "In Storage"), ("collected", "Collected"), ("scrapped", "Scrapped")],
        default="stored",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )

    _sql_constraints = [
        ("pieces_positive", "CHECK(pieces > 0)", "Stored fixtures count at least one piece."),
    ]

    @api.depends("contract_id")
    def _compute_partner_id(self):
        for storage in self:
            storage.partner_id = storage.contract_id.partner_id

    @api.depends("pieces", "date_stored", "date_end", "company_id.mall_fixture_fee")
    @api.depends_context("date")
    def _compute_fee(self):
        today = fields.Date.to_date(self.env.context.get("date")) or fields.Date.context_today(self)
        for storage in self:
            storage.days_stored = storage._days_on(storage.date_end or today)
            storage.fee = storage._fee_for(storage.days_stored)

    def _days_on(self, day):
        self.ensure_one()
        if not self.date_stored:
            return 0
        return max(0, (day - self.date_stored).days + 1)

    def _fee_for(self, days):
        """F1: 10 × pieces × min(days − 1, 9) with the company's fee and storage days."""
        self.ensure_one()
        company = self.company_id or self.env.company
        billable = min(max(days - 1, 0), max(company.mall_fixture_days - 1, 0))
        return company.currency_id.round(company.mall_fixture_fee * self.pieces * billable)

    @api.model
    def _store(self, notice, day):
        return self.create(
            {
                "name": self.env._("Fixtures of %(notice)s", notice=notice.name),
                "contract_id": notice.contract_id.id,
                "company_id": notice.company_id.id,
                "exit_notice_id": notice.id,
                "pieces": notice.fixture_pieces,
                "date_stored": day,
            }
        )

    def write(self, vals):
        if {"pieces", "date_stored", "contract_id"} & set(vals) and any(
            storage.state != "stored" for storage in self
        ):
            raise UserError(self.env._("Fixtures out of storage cannot change."))
        return super().write(vals)

    def _leave_storage(self, state, day):
        for storage in self:
            if storage.state != "stored":
                raise UserError(
                    self.env._(
                        "Fixtures %(name)s are already %(state)s.",
                        name=storage.name,
                        state=selection_label(storage, "state"),
                    )
                )
            if day < storage.date_stored:
                raise UserError(
                    self.env._(
                        "Fixtures %(name)s: %(day)s is before the storage day %(stored)s.",
                        name=storage.name,
                        day=day,
                        stored=storage.date_stored,
                    )
                )
            fee = storage._fee_for(storage._days_on(day))
            vals = {"state": state, "date_end": day}
            if fee:
                vals["charge_id"] = (
                    self.env["mall.supplier.charge"]
                    .sudo()
                    .create(
                        {
                            "contract_id": storage.contract_id.id,
                            "company_id": storage.company_id.id,
                            "charge_type_id": self.env["mall.charge.type"]._by_code("storage").id,
                            "amount": fee,
                            "date": day,
                            "description": self.env._(
                                "Fixture storage: %(pieces)s pieces, %(days)s days",
                                pieces=storage.pieces,
                                days=storage._days_on(day),
                            ),
                        }
                    )
                    .id
                )
            storage._workflow_write(vals)
        return True

    def action_collect(self, date_collected=None):
        """The supplier collects the fixtures; the fee becomes a supplier charge."""
        self._check_role(*ROLES)
        day = fields.Date.to_date(date_collected) or fields.Date.context_today(self)
        return self._leave_storage("collected", day)

    def action_scrap(self, date_scrapped=None):
        """Scrapped after the last storage day: the fee stops at that day."""
        self._check_role(*ROLES)
        day = fields.Date.to_date(date_scrapped) or fields.Date.context_today(self)
        return self._leave_storage("scrapped", day)

    @api.model
    def _cron_scrap(self, today=None):
        """Daily: fixtures still stored after the company's last storage day are scrapped."""
        today = today or fields.Date.context_today(self)
        for storage in self.sudo().search([("state", "=", "stored")]):
            last = storage.date_stored + timedelta(days=storage.company_id.mall_fixture_days - 1)
            if today > last:
                storage.action_scrap(today)

    @api.model
    def _demo_fixtures(self):
        """Demo: fixtures of a demo contract in storage since three days ago."""
        contract = self.env.ref("mall_consignment.contract_02", raise_if_not_found=False)
        if contract and contract.contract_type == "consignment":
            self.create(
                {
                    "name": self.env._("Display racks and shelves"),
                    "contract_id": contract.id,
                    "company_id": contract.company_id.id,
                    "pieces": 4,
                    "date_stored": fields.Date.context_today(self) - timedelta(days=2),
                }
            )
