from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools.translate import LazyTranslate

from odoo.addons.marketing_base.models.common import selection_label
from odoo.addons.marketing_base.models.marketing_workflow_mixin import workflow_action

_lt = LazyTranslate(__name__)

HEAD = "mall_consignment.group_marketing_head"
FLOOR = "mall_consignment.group_floor_manager"

# E1-E3 and the other ways a counter leaves: the fixed list of exit reasons.
EXIT_REASONS = [
    ("below_target", "Below the Monthly Target Three Months"),
    ("ranked_last", "Ranked Last in Its Category Three Months"),
    ("quality_claims", "Quality Problems Causing Claims or Penalties"),
    ("licence", "Licence or Certificate Changes that Stop Business"),
    ("refused_costs", "Refusing Agreed Promotion or Training Costs"),
    ("unauthorised_promotion", "Unauthorised Promotion"),
    ("layout", "Not Cooperating with Layout Changes"),
    ("staff_rules", "Staff Breaking Store Rules"),
    ("outside_contract", "Selling Brands or Goods Outside the Contract"),
    ("subletting", "Subletting the Counter"),
    ("staff_payment", "Staff Collecting Payment Themselves"),
    ("contract_end", "Contract Ends without Renewal"),
    ("one_in_one_out", "Replaced by a New Brand (One In, One Out)"),
]


class MallExitNotice(models.Model):
    """An exit notice (退场通知单, E4): filed by the floor at least three days before the
    counter is cleared, reviewed by the marketing department (approval chain); on exit
    the contract ends, the counters are free and each day of delay is charged."""

    _name = "mall.exit.notice"
    _description = "Exit Notice"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "marketing.workflow.mixin",
        "marketing.approval.mixin",
    ]
    _order = "date_exit desc, id desc"
    _check_company_auto = True
    _state_from = ["submitted"]
    _state_to = ["approved"]
    _cancel_state = "cancel"

    _workflow_fields = {
        "state": _lt("the Submit, Counter Cleared and Cancel buttons and the review"),
        "date_filed": _lt("the Submit button"),
        "date_cleared": _lt("the Counter Cleared button"),
        "delay_days": _lt("the Counter Cleared button"),
        "penalty_charge_id": _lt("the Counter Cleared button"),
    }

    name = fields.Char(string="Number", required=True, readonly=True, copy=False, default="/")
    contract_id = fields.Many2one(
        "mall.contract",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        domain="[('state', 'in', ('signed', 'active')), ('company_id', '=', company_id)]",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    partner_id = fields.Many2one(related="contract_id.partner_id", store=True, string="Supplier")
    brand_id = fields.Many2one(related="contract_id.brand_id", store=True)
    counter_ids = fields.Many2many(related="contract_id.counter_ids", string="Counters")
    floor_id = fields.Many2one(
        "mall.floor", compute="_compute_floor_id", store=True, index=True, string="Floor"
    )
    reason = fields.Selection(EXIT_REASONS, required=True, tracking=True)
    reason_note = fields.Text(string="Details", tracking=True)
    date_exit = fields.Date(
        string="Exit Date",
        required=True,
        tracking=True,
        help="The day the counter must be cleared.",
    )
    date_filed = fields.Date(string="Filed On", readonly=True, copy=False)
    date_cleared = fields.Date(string="Cleared On", readonly=True, copy=False, tracking=True)
    delay_days = fields.Integer(string="Days of Delay", readonly=True, copy=False)
    penalty_charge_id = fields.Many2one(
        "mall.supplier.charge", string="Delay Penalty", readonly=True, copy=False
    )
    fixture_pieces = fields.Integer(
        string="Fixtures Left (pieces)",
        help="Fixtures the supplier left at the counter: they go to storage.",
    )
    fixture_ids = fields.One2many("mall.fixture.storage", "exit_notice_id", string="Fixtures")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Under Review"),
            ("approved", "Approved"),
            ("done", "Exited"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )

    @api.depends("contract_id.counter_ids.floor_id")
    def _compute_floor_id(self):
        for notice in self:
            notice.floor_id = notice.contract_id.counter_ids.floor_id[:1]

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("mall.exit.notice") or "/"
        return super().create(vals_list)

    def unlink(self):
        if any(notice.state not in ("draft", "cancel") for notice in self):
            raise UserError(self.env._("Only draft or cancelled exit notices can be deleted."))
        return super().unlink()

    # ------------------------------------------------------------------ rules
    def _check_own_floor(self):
        """The Floor Manager files and clears exit notices of their own floors only."""
        self._check_role(FLOOR, HEAD)
        if self.env.su or self.env.user.has_group(HEAD):
            return
        for notice in self:
            if self.env.user not in notice.contract_id.counter_ids.floor_id.manager_ids:
                raise AccessError(
                    self.env._(
                        "Exit notice %(notice)s: only a manager of floor %(floor)s files it.",
                        notice=notice.name,
                        floor=notice.floor_id.display_name,
                    )
                )

    def _check_notice_period(self, today):
        """E4: at least the company's notice days (3) before the counter is cleared."""
        for notice in self:
            days = notice.company_id.mall_exit_notice_days
            if notice.date_exit < today + timedelta(days=days):
                raise UserError(
                    self.env._(
                        "Exit notice %(notice)s: the exit date %(date)s is less than %(days)s "
                        "days away; file it at least %(days)s days before the counter is "
                        "cleared (exit on %(earliest)s or later).",
                        notice=notice.name,
                        date=notice.date_exit,
                        days=days,
                        earliest=today + timedelta(days=days),
                    )
                )

    # ------------------------------------------------------------------ actions
    def action_submit(self):
        """The floor files the notice; the marketing department reviews it."""
        self._check_own_floor()
        self._check_state_in(("draft",))
        today = fields.Date.context_today(self)
        for notice in self:
            if notice.contract_id.state not in ("signed", "active"):
                raise UserError(
                    self.env._(
                        "Exit notice %(notice)s: contract %(contract)s is not in force.",
                        notice=notice.name,
                        contract=notice.contract_id.display_name,
                    )
                )
        self._check_notice_period(today)
        self._workflow_write({"state": "submitted", "date_filed": today})
        self.request_validation()
        return True

    def _on_approval_validated(self):
        # After the reviewer's decision, whatever their own rights on the record.
        self.sudo()._workflow_write({"state": "approved"})

    def _on_approval_rejected(self):
        # Back to draft with the votes shown; submitting again starts a new round and
        # keeps these in the review history.
        self.sudo()._workflow_write({"state": "draft"})

    def action_cancel(self):
        self._check_own_floor()
        self._check_state_in(("draft", "submitted", "approved"))
        self._workflow_write({"state": "cancel"})
        return True

    def action_done(self, date_cleared=None):
        """E4: the counter is cleared. No compensation for fixtures, guaranteed amounts
        already collected stay with the mall; each day past the exit date becomes a
        supplier charge at the contract's daily delay penalty; the contract ends with the
        reason and the counters are free; fixtures left go to storage (F1)."""
        self._check_own_floor()
        self._check_state_in(("approved",))
        cleared = fields.Date.to_date(date_cleared) or fields.Date.context_today(self)
        for notice in self:
            delay = max(0, (cleared - notice.date_exit).days)
            vals = {"state": "done", "date_cleared": cleared, "delay_days": delay}
            rate = notice.contract_id._terms_on(notice.date_exit).delay_penalty_daily
            if delay and rate:
                vals["penalty_charge_id"] = notice._create_charge(
                    "exit_delay_penalty",
                    delay * rate,
                    cleared,
                    self.env._(
                        "Exit notice %(notice)s: %(days)s days of delay × %(rate)s",
                        notice=notice.name,
                        days=delay,
                        rate=rate,
                    ),
                ).id
            notice._workflow_write(vals)
            notice._terminate_contract(cleared)
            if notice.fixture_pieces > 0:
                self.env["mall.fixture.storage"].sudo()._store(notice, cleared)
        self.env["mall.elimination"].sudo().search(
            [("exit_notice_id", "in", self.ids)]
        )._on_exit_done()
        return True

    def _create_charge(self, code, amount, day, description):
        self.ensure_one()
        return (
            self.env["mall.supplier.charge"]
            .sudo()
            .create(
                {
                    "contract_id": self.contract_id.id,
                    "company_id": self.company_id.id,
                    "charge_type_id": self.env["mall.charge.type"]._by_code(code).id,
                    "amount": amount,
                    "date": day,
                    "description": description,
                }
            )
        )

    def _terminate_contract(self, cleared):
        """The contract ends on the exit date with the notice's reason (a late clearing
        is charged, it does not lengthen the contract)."""
        self.ensure_one()
        contract = self.contract_id.sudo()
        if contract.state not in ("signed", "active"):
            return
        reason = selection_label(self, "reason")
        with workflow_action():
            contract.write(
                {
                    "termination_reason": " ".join(
                        filter(None, [self.name, reason, self.reason_note or ""])
                    )
                }
            )
            contract.action_terminate()
            contract.write({"date_terminated": min(self.date_exit, cleared, contract.date_end)})
