from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import format_date
from odoo.tools.translate import LazyTranslate

from odoo.addons.mall_consignment.models.mall_contract import SIGNED_STATES
from odoo.addons.mall_consignment.models.mall_contract_terms import to_decimal
from odoo.addons.marketing_base.models.common import format_money, selection_label
from odoo.addons.marketing_base.models.marketing_workflow_mixin import workflow_action

_lt = LazyTranslate(__name__)

ASSISTANT = "mall_consignment.group_marketing_assistant"
HEAD = "mall_consignment.group_marketing_head"
FLOOR = "mall_consignment.group_floor_manager"
ACCOUNTANT = "mall_consignment.group_floor_accountant"
GM = "marketing_base.group_general_manager"
FLOOR_NOTICE_DAYS = 7
KINDS = [
    ("mall", "Mall-wide Promotion"),
    ("floor", "Floor Promotion"),
    ("supplier", "Supplier Promotion"),
]
METHODS = [
    ("sales", "By Net Sales in the Promotion"),
    ("equal", "Equally"),
    ("fixed", "Fixed Amount per Supplier"),
]
# Fields a promotion keeps once it has left the draft state.
TERM_FIELDS = (
    "kind",
    "date_start",
    "date_end",
    "floor_ids",
    "contract_ids",
    "supplier_share",
    "allocation_method",
    "commission_rate",
    "discount_share_ratio",
    "has_commission_rate",
    "has_discount_share",
    "company_id",
)


def to_cents_int(value):
    """A money amount as an integer number of cents (half up)."""
    return int((to_decimal(value) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def largest_remainder(total, weights):
    """Divide ``total`` (integer cents) in proportion to ``weights`` ([(key, integer
    weight >= 0)], at least one positive) so the parts add up to ``total`` exactly:
    each part gets the integer part of its exact share, then the cents left over go
    one each to the largest remainders. Ties go to the key listed first in
    ``weights`` (callers list participants by contract id). Returns {key: cents}."""
    whole = sum(weight for _key, weight in weights)
    parts, remainders = {}, []
    for position, (key, weight) in enumerate(weights):
        part, remainder = divmod(total * weight, whole)
        parts[key] = part
        remainders.append((-remainder, position, key))
    left = total - sum(parts.values())
    for _remainder, _position, key in sorted(remainders)[:left]:
        parts[key] += 1
    return parts


class MallPromotion(models.Model):
    """A promotion (M1-M5): mall-wide, floor or supplier; its approval chain (tier
    definitions per kind), its expenses and the supplier-borne share p allocated among
    the participating contracts as supplier charges; its own commission rate (T3) and
    discount-sharing ratio (T6) inside its window."""

    _name = "mall.promotion"
    _description = "Mall Promotion"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "marketing.workflow.mixin",
        "marketing.approval.mixin",
    ]
    _order = "date_start desc, id desc"
    _check_company_auto = True
    _state_from = ["review"]
    _state_to = ["approved"]
    _cancel_state = "cancel"
    _tier_validation_manual_config = False
    _workflow_fields = {
        "state": _lt(
            "the Submit for Approval, File, Cancel and Back to Draft buttons and the approval chain"
        ),
        "date_submitted": _lt("the Submit for Approval button"),
        "date_filed": _lt("the File button"),
        "date_allocated": _lt("the Allocate Costs button"),
        "exit_reason_recorded": _lt("the Record as Exit Reason button"),
    }

    name = fields.Char(required=True, tracking=True)
    kind = fields.Selection(KINDS, required=True, default="mall", tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        tracking=True,
        check_company=True,
    )
    date_start = fields.Date(string="Start", required=True, tracking=True)
    date_end = fields.Date(string="End", required=True, tracking=True)
    floor_ids = fields.Many2many("mall.floor", string="Floors", check_company=True)
    category_ids = fields.Many2many(
        "mall.brand.category",
        string="Brand Categories",
        help="With Add Contracts of Floors: only the contracts of brands of these categories.",
    )
    floor_manager_ids = fields.Many2many(
        "res.users",
        "mall_promotion_floor_manager_rel",
        "promotion_id",
        "user_id",
        string="Floor Managers",
        compute="_compute_floor_manager_ids",
        store=True,
        help="The managers of the promotion's floors: they sign a floor promotion.",
    )
    contract_ids = fields.Many2many(
        "mall.contract",
        string="Participating Contracts",
        check_company=True,
        domain="[('contract_type', '=', 'consignment'), ('state', 'in', ('signed', 'active'))]",
    )
    participant_ids = fields.One2many(
        "mall.promotion.participant", "promotion_id", string="Participants"
    )
    participant_count = fields.Integer(compute="_compute_participant_count")
    theme = fields.Char(tracking=True)
    plan = fields.Html(string="Plan")
    expense_ids = fields.One2many("mall.promotion.expense", "promotion_id", string="Expenses")
    expense_total = fields.Monetary(
        string="Expenses (E)", compute="_compute_expense_total", store=True, tracking=True
    )
    supplier_share = fields.Float(
        string="Supplier-borne Share p (%)",
        digits=(5, 2),
        tracking=True,
        help="The part of the expenses the participating suppliers bear.",
    )
    supplier_amount = fields.Monetary(
        string="Borne by Suppliers (p × E)",
        compute="_compute_expense_total",
        store=True,
        help="p × E to the cent: the allocations add up to exactly this amount.",
    )
    allocation_method = fields.Selection(
        METHODS, required=True, default="sales", tracking=True, string="Allocation Method"
    )
    has_commission_rate = fields.Boolean(
        string="Own Commission Rate",
        compute="_compute_has_rates",
        store=True,
        readonly=False,
        help="Sales inside the promotion at the participating counters are charged at "
        "the promotion's commission rate instead of the contract's.",
    )
    commission_rate = fields.Float(
        string="Promotion Commission Rate (%)", digits=(5, 2), tracking=True
    )
    has_discount_share = fields.Boolean(
        string="Own Discount Ratio",
        compute="_compute_has_rates",
        store=True,
        readonly=False,
        help="Till discounts inside the promotion are shared at the promotion's ratio "
        "instead of the contract's.",
    )
    discount_share_ratio = fields.Float(
        string="Discount Borne by Supplier (%)", digits=(5, 2), tracking=True
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("review", "In Approval"),
            ("approved", "Approved"),
            ("filed", "Filed"),
            ("allocated", "Costs Allocated"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    date_submitted = fields.Date(string="Applied On", readonly=True, copy=False)
    date_filed = fields.Date(string="Filed On", readonly=True, copy=False)
    date_allocated = fields.Datetime(string="Allocated On", readonly=True, copy=False)
    exit_reason_recorded = fields.Boolean(readonly=True, copy=False)
    allocation_ids = fields.One2many(
        "mall.promotion.allocation", "promotion_id", string="Allocations", readonly=True
    )
    allocation_total = fields.Monetary(compute="_compute_allocation_total")
    color = fields.Integer()

    # ------------------------------------------------------------------ computes
    @api.depends("floor_ids.manager_ids")
    def _compute_floor_manager_ids(self):
        for promotion in self:
            promotion.floor_manager_ids = promotion.floor_ids.manager_ids

    @api.depends("participant_ids")
    def _compute_participant_count(self):
        for promotion in self:
            promotion.participant_count = len(promotion.participant_ids)

    @api.depends("expense_ids.amount", "supplier_share")
    def _compute_expense_total(self):
        for promotion in self:
            total = sum((to_decimal(e.amount) for e in promotion.expense_ids), Decimal(0))
            promotion.expense_total = float(total)
            promotion.supplier_amount = promotion._shared_cents() / 100

    @api.depends("commission_rate", "discount_share_ratio")
    def _compute_has_rates(self):
        for promotion in self:
            promotion.has_commission_rate = promotion.has_commission_rate or bool(
                promotion.commission_rate
            )
            promotion.has_discount_share = promotion.has_discount_share or bool(
                promotion.discount_share_ratio
            )

    @api.depends("allocation_ids.amount")
    def _compute_allocation_total(self):
        for promotion in self:
            promotion.allocation_total = sum(promotion.allocation_ids.mapped("amount"))

    def _shared_cents(self):
        """p × E in integer cents (half up)."""
        self.ensure_one()
        total = sum((to_decimal(e.amount) for e in self.expense_ids), Decimal(0))
        shared = total * to_decimal(self.supplier_share) / 100
        return to_cents_int(shared)

    # ------------------------------------------------------------------ constraints
    @api.constrains(
        "date_start", "date_end", "supplier_share", "commission_rate", "discount_share_ratio"
    )
    def _check_values(self):
        for promotion in self:
            if promotion.date_end < promotion.date_start:
                raise ValidationError(
                    self.env._("Promotion %(name)s ends before it starts.", name=promotion.name)
                )
            for name in ("supplier_share", "commission_rate", "discount_share_ratio"):
                if not 0.0 <= promotion[name] <= 100.0:
                    raise ValidationError(
                        self.env._(
                            "%(field)s must be between 0 and 100 (%(record)s: %(value)s).",
                            field=promotion._fields[name].get_description(self.env)["string"],
                            record=promotion.name,
                            value=promotion[name],
                        )
                    )

    @api.constrains("contract_ids", "kind", "floor_ids")
    def _check_contracts(self):
        for promotion in self:
            for contract in promotion.contract_ids.sudo():
                if contract.contract_type != "consignment" or contract.state not in SIGNED_STATES:
                    raise ValidationError(
                        self.env._(
                            "Promotion %(name)s: contract %(contract)s is not a signed "
                            "consignment contract.",
                            name=promotion.name,
                            contract=contract.name,
                        )
                    )
                if promotion.kind == "floor" and not (
                    contract.counter_ids.floor_id & promotion.floor_ids
                ):
                    raise ValidationError(
                        self.env._(
                            "Floor promotion %(name)s: contract %(contract)s has no counter "
                            "on its floors.",
                            name=promotion.name,
                            contract=contract.name,
                        )
                    )

    # ------------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        promotions = super().create(vals_list)
        promotions._sync_participants()
        return promotions

    def write(self, vals):
        frozen = set(TERM_FIELDS) & set(vals)
        if frozen and not self.env.su:
            locked = self.filtered(lambda p: p.state != "draft")
            if locked:
                raise UserError(
                    self.env._(
                        "Promotion %(name)s is %(state)s: its dates, participants, share "
                        "and rates no longer change (%(fields)s).",
                        name=locked[0].name,
                        state=selection_label(locked[0], "state"),
                        fields=", ".join(
                            self._fields[f].get_description(self.env)["string"]
                            for f in sorted(frozen)
                        ),
                    )
                )
        result = super().write(vals)
        if "contract_ids" in vals:
            self._sync_participants()
        return result

    def unlink(self):
        if any(promotion.state != "draft" for promotion in self):
            raise UserError(self.env._("Only draft promotions can be deleted."))
        return super().unlink()

    def _sync_participants(self):
        """One participant line per participating contract."""
        Participant = self.env["mall.promotion.participant"].sudo()
        for promotion in self:
            lines = promotion.sudo().participant_ids
            stale = lines.filtered(lambda p, c=promotion.contract_ids: p.contract_id not in c)
            missing = promotion.contract_ids - (lines - stale).contract_id
            stale.unlink()
            Participant.create(
                [{"promotion_id": promotion.id, "contract_id": c.id} for c in missing]
            )

    # ------------------------------------------------------------------ actions
    def action_add_floor_contracts(self):
        """Add every signed consignment contract with a counter on the chosen floors
        (of the chosen brand categories when set); a mall-wide promotion without floors
        takes every floor."""
        self._check_role(ASSISTANT, FLOOR)
        for promotion in self:
            domain = [
                ("contract_type", "=", "consignment"),
                ("state", "in", ("signed", "active")),
                ("company_id", "=", promotion.company_id.id),
                ("date_start", "<=", promotion.date_end),
                ("date_end", ">=", promotion.date_start),
            ]
            if promotion.floor_ids:
                domain.append(("counter_ids.floor_id", "in", promotion.floor_ids.ids))
            elif promotion.kind != "mall":
                raise UserError(
                    self.env._("Promotion %(name)s: choose its floors first.", name=promotion.name)
                )
            if promotion.category_ids:
                domain.append(("category_id", "in", promotion.category_ids.ids))
            contracts = self.env["mall.contract"].search(domain)
            promotion.write({"contract_ids": [(4, cid) for cid in contracts.ids]})
        return True

    def _check_applicant(self):
        """M1/M3: the marketing department; M2: a floor manager for own floors (or
        marketing)."""
        user = self.env.user
        for promotion in self:
            if promotion.kind != "floor":
                self._check_role(ASSISTANT)
                continue
            self._check_role(FLOOR, ASSISTANT)
            if user.has_group(ASSISTANT) or self.env.su:
                continue
            foreign = promotion.floor_ids.filtered(lambda f: user not in f.manager_ids)
            if foreign or not promotion.floor_ids:
                raise AccessError(
                    self.env._(
                        "Floor promotion %(name)s: a floor manager applies only for own "
                        "floors (%(floors)s is not yours).",
                        name=promotion.name,
                        floors=", ".join(foreign.mapped("name")) or "-",
                    )
                )

    def _check_before_start(self, today):
        for promotion in self:
            if promotion.kind == "floor":
                earliest = today + timedelta(days=FLOOR_NOTICE_DAYS)
                if promotion.date_start < earliest:
                    raise UserError(
                        self.env._(
                            "A floor promotion is applied for at least %(days)s days "
                            "before it starts: %(name)s starts on %(start)s; the earliest "
                            "start allowed for an application today is %(earliest)s.",
                            days=FLOOR_NOTICE_DAYS,
                            name=promotion.name,
                            start=format_date(self.env, promotion.date_start),
                            earliest=format_date(self.env, earliest),
                        )
                    )
            elif promotion.date_start <= today:
                raise UserError(
                    self.env._(
                        "Promotion %(name)s must be approved before it starts (%(start)s).",
                        name=promotion.name,
                        start=format_date(self.env, promotion.date_start),
                    )
                )

    def action_submit(self):
        """Draft → in approval: the chain of the promotion's kind (tier definitions)."""
        self._check_applicant()
        today = fields.Date.context_today(self)
        for promotion in self:
            if promotion.state != "draft":
                raise UserError(
                    self.env._("Promotion %(name)s is not a draft.", name=promotion.name)
                )
            if not promotion.expense_ids and promotion.kind == "mall":
                raise UserError(
                    self.env._(
                        "Promotion %(name)s needs its cost request (the expense lines) "
                        "before approval.",
                        name=promotion.name,
                    )
                )
        self._check_before_start(today)
        self._workflow_write({"state": "review", "date_submitted": today})
        self.invalidate_recordset(["need_validation"])
        reviews = self.request_validation()
        if not reviews:
            raise UserError(
                self.env._(
                    "No approval chain applies to this promotion: an administrator sets it "
                    "in Settings > Marketing & Sales > Approval Chains."
                )
            )
        return True

    def _on_approval_validated(self):
        today = fields.Date.context_today(self)
        for promotion in self:
            if promotion.date_start <= today:
                raise UserError(
                    self.env._(
                        "Promotion %(name)s started on %(start)s: it is approved before it "
                        "starts, not after.",
                        name=promotion.name,
                        start=format_date(self.env, promotion.date_start),
                    )
                )
            pending = promotion.participant_ids.filtered(lambda p: p.state == "pending")
            if promotion.kind == "mall" and pending:
                raise UserError(
                    self.env._(
                        "Promotion %(name)s waits for the acceptance of %(suppliers)s: the "
                        "suppliers accept on the portal, or the marketing department records "
                        "their refusal.",
                        name=promotion.name,
                        suppliers=", ".join(pending.partner_id.mapped("name")),
                    )
                )
            promotion._workflow_write({"state": "approved"})
            if promotion.kind == "mall":
                promotion._generate_tasks()

    def _on_approval_rejected(self):
        for promotion in self:
            promotion.message_post(
                body=self.env._(
                    "The promotion was rejected: correct it (Back to Draft) and submit it again."
                )
            )

    def action_file(self):
        """M2: the office files the approved floor promotion."""
        self._check_role(ASSISTANT)
        for promotion in self:
            if promotion.kind != "floor" or promotion.state != "approved":
                raise UserError(
                    self.env._(
                        "Only an approved floor promotion is filed (%(name)s).",
                        name=promotion.name,
                    )
                )
        self._workflow_write({"state": "filed", "date_filed": fields.Date.context_today(self)})
        return True

    def action_reset_draft(self):
        self._check_applicant()
        for promotion in self:
            if promotion.state not in ("review", "cancel"):
                raise UserError(
                    self.env._(
                        "Promotion %(name)s is %(state)s: it cannot go back to draft.",
                        name=promotion.name,
                        state=selection_label(promotion, "state"),
                    )
                )
        self.restart_validation()
        self._workflow_write({"state": "draft"})
        return True

    def action_cancel(self):
        self._check_role(HEAD)
        if self.filtered(lambda p: p.state == "allocated"):
            raise UserError(self.env._("A promotion whose costs are allocated is not cancelled."))
        self._workflow_write({"state": "cancel"})
        return True

    def action_record_exit_reason(self):
        """M3/E3: a supplier promotion running without approval is recorded, in one
        click, as an exit reason on the contracts of the supplier."""
        self._check_role(HEAD)
        today = fields.Date.context_today(self)
        for promotion in self:
            if (
                promotion.kind != "supplier"
                or promotion.state in ("approved", "filed", "allocated")
                or promotion.date_start > today
            ):
                raise UserError(
                    self.env._(
                        "Only a supplier promotion that has started without approval is "
                        "an exit reason (%(name)s).",
                        name=promotion.name,
                    )
                )
            reason = self.env._(
                "Supplier promotion %(name)s ran from %(start)s without the marketing "
                "department's approval.",
                name=promotion.name,
                start=format_date(self.env, promotion.date_start),
            )
            for contract in promotion.contract_ids.sudo():
                contract.write(
                    {
                        "termination_reason": "\n".join(
                            filter(None, [contract.termination_reason, reason])
                        )
                    }
                )
                contract.message_post(body=reason)
            promotion._workflow_write({"exit_reason_recorded": True})
            promotion.message_post(body=reason)
        return True

    # ------------------------------------------------------------------ M4 tasks
    def _task_plan(self):
        """M4: [(department group xml id or None for the floors' managers, summary,
        deadline)] of a mall-wide promotion, relative to its dates."""
        self.ensure_one()
        _ = self.env._
        start, end = self.date_start, self.date_end
        return [
            (ASSISTANT, _("Marketing: promotion plan"), start - timedelta(days=14)),
            (ASSISTANT, _("Marketing: advertising"), start - timedelta(days=7)),
            (ASSISTANT, _("Marketing: POP in the store"), start - timedelta(days=1)),
            (ASSISTANT, _("Marketing: dismantle the decoration"), end + timedelta(days=1)),
            (HEAD, _("Office: broadcasts and announcements"), start - timedelta(days=1)),
            (HEAD, _("Office: order and staffing"), start - timedelta(days=1)),
            (None, _("Floors: execution at the counters"), start),
            (None, _("Floors: cost sharing with the suppliers"), end + timedelta(days=3)),
        ]

    def _generate_tasks(self):
        """M4: one To-Do activity per task for the responsible: the promotion's
        responsible marketer, the Marketing Head's users, the floors' managers."""
        self.ensure_one()
        todo = self.env.ref("mail.mail_activity_data_todo")
        Activity = self.env["mail.activity"].sudo()
        model_id = self.env["ir.model"]._get_id(self._name)
        vals = []
        for group, summary, deadline in self._task_plan():
            if group is None:
                users = self.floor_manager_ids or self.env.ref(FLOOR).users
            elif group == ASSISTANT:
                users = self.user_id if self.user_id.has_group(ASSISTANT) else None
                users = users or self.env.ref(ASSISTANT).users[:1]
            else:
                users = self.env.ref(group).users.filtered(lambda u: not u.share)[:1]
            for user in users:
                vals.append(
                    {
                        "res_model_id": model_id,
                        "res_id": self.id,
                        "activity_type_id": todo.id,
                        "user_id": user.id,
                        "summary": summary,
                        "date_deadline": deadline,
                    }
                )
        # One by one: a batch of activities for one user subscribes them twice.
        for activity_vals in vals:
            Activity.create(activity_vals)

    # ------------------------------------------------------------------ M5
    def _allocation_weights(self, participants):
        """[(participant, integer weight)] by the method, and {participant: basis}."""
        self.ensure_one()
        if self.allocation_method == "equal":
            return [(p, 1) for p in participants], {p: 1.0 for p in participants}
        if self.allocation_method == "fixed":
            return (
                [(p, to_cents_int(p.fixed_amount)) for p in participants],
                {p: p.fixed_amount for p in participants},
            )
        sales = self.env["mall.sale.line"]._sales_totals(
            self.company_id, self.date_start, self.date_end, contracts=participants.contract_id
        )
        basis = {p: sales.get(p.contract_id.id, {}).get("amount", 0.0) for p in participants}
        return [(p, max(0, to_cents_int(basis[p]))) for p in participants], basis

    def _allocation_values(self):
        """[{contract, partner, basis, amount}] of the allocation of p × E."""
        self.ensure_one()
        participants = self.participant_ids.filtered(lambda p: p.state != "refused").sorted(
            lambda p: p.contract_id.id
        )
        if not participants:
            raise UserError(
                self.env._("Promotion %(name)s has no participating contract.", name=self.name)
            )
        total = self._shared_cents()
        weights, basis = self._allocation_weights(participants)
        if self.allocation_method == "fixed":
            fixed = sum(weight for _p, weight in weights)
            if fixed != total:
                raise UserError(
                    self.env._(
                        "The fixed amounts of promotion %(name)s add up to %(fixed)s, not "
                        "to p × E = %(total)s.",
                        name=self.name,
                        fixed=format_money(self.env, fixed / 100, self.currency_id),
                        total=format_money(self.env, total / 100, self.currency_id),
                    )
                )
            parts = dict(weights)
        elif not any(weight for _p, weight in weights):
            raise UserError(
                self.env._(
                    "The participants of promotion %(name)s have no net sales in the "
                    "promotion: allocate equally or by fixed amounts.",
                    name=self.name,
                )
            )
        else:
            parts = largest_remainder(total, weights)
        return [
            {
                "promotion_id": self.id,
                "contract_id": p.contract_id.id,
                "partner_id": p.contract_id.partner_id.id,
                "basis": basis[p],
                "amount": parts[p] / 100,
            }
            for p in participants
        ]

    def action_allocate(self):
        """M5: allocate p × E among the participants, one supplier charge (promotion
        cost share) each dated the promotion's end. Re-running replaces the allocation
        while the period's statements are drafts; after that it is refused."""
        self._check_role(ASSISTANT, ACCOUNTANT)
        today = fields.Date.context_today(self)
        for promotion in self:
            ready = "filed" if promotion.kind == "floor" else "approved"
            if promotion.state not in (ready, "allocated"):
                raise UserError(
                    self.env._(
                        "Promotion %(name)s must be %(state)s before its costs are allocated.",
                        name=promotion.name,
                        state=selection_label(promotion, "state", ready),
                    )
                )
            if promotion.date_end >= today:
                raise UserError(
                    self.env._(
                        "Promotion %(name)s ends on %(end)s: its costs are allocated after it "
                        "ends.",
                        name=promotion.name,
                        end=format_date(self.env, promotion.date_end),
                    )
                )
            promotion.sudo()._allocate()
        return True

    def _allocate(self):
        self.ensure_one()
        old = self.allocation_ids
        settled = old.charge_id.filtered(
            lambda c: c.statement_id and c.statement_id.state != "draft"
        )
        if settled:
            raise UserError(
                self.env._(
                    "The allocation of promotion %(name)s is on statement %(statement)s, "
                    "which has been sent: it can no longer be re-run. Correct it with a charge "
                    "in a later period.",
                    name=self.name,
                    statement=settled[0].statement_id.name,
                )
            )
        values = self._allocation_values()
        charges = old.charge_id
        old.unlink()
        charges.unlink()
        charge_type = self.env["mall.charge.type"]._by_code("promotion")
        description = self.env._("Promotion cost share: %(name)s", name=self.name)
        new_charges = (
            self.env["mall.supplier.charge"]
            .with_context(mail_create_nolog=True, mail_create_nosubscribe=True)
            .create(
                [
                    {
                        "contract_id": vals["contract_id"],
                        "partner_id": vals["partner_id"],
                        "company_id": self.company_id.id,
                        "charge_type_id": charge_type.id,
                        "date": self.date_end,
                        "amount": vals["amount"],
                        "description": description,
                    }
                    for vals in values
                ]
            )
        )
        for vals, charge in zip(values, new_charges, strict=True):
            vals["charge_id"] = charge.id
        self.env["mall.promotion.allocation"].create(values)
        with workflow_action():
            self.write({"state": "allocated", "date_allocated": fields.Datetime.now()})
        self.message_post(
            body=self.env._(
                "Costs allocated: %(amount)s among %(count)s suppliers.",
                amount=format_money(self.env, self._shared_cents() / 100, self.currency_id),
                count=len(values),
            )
        )

    # ------------------------------------------------------------------ demo
    @api.model
    def _demo_promotions(self):
        """Demo: a mall-wide promotion with five participants in the last complete
        period, allocated and on the prepared statements; a floor promotion in review;
        ads with one breach."""
        Period = self.env["mall.settlement.period"]
        period = Period.search(
            [
                ("company_id", "=", self.env.company.id),
                ("date_to", "=", Period._default_dates()[1]),
            ],
            limit=1,
        )
        contracts = self.env["mall.contract"].search(
            [
                ("contract_type", "=", "consignment"),
                ("state", "in", ("signed", "active")),
                ("company_id", "=", self.env.company.id),
            ],
            order="id",
            limit=5,
        )
        if not period or not contracts:
            return
        start = period.date_from + timedelta(days=5)
        promotion = self.create(
            {
                "name": "店庆全场促销",
                "kind": "mall",
                "theme": "周年店庆 满300减50",
                "date_start": start,
                "date_end": start + timedelta(days=6),
                "contract_ids": [(6, 0, contracts.ids)],
                "supplier_share": 40.0,
                "allocation_method": "sales",
                "commission_rate": 15.0,
                "discount_share_ratio": 70.0,
                "expense_ids": [
                    (0, 0, {"expense_type": "advertising", "name": "报纸广告", "amount": 18000.0}),
                    (0, 0, {"expense_type": "decoration", "name": "中庭美陈", "amount": 9500.0}),
                    (0, 0, {"expense_type": "gifts", "name": "满额赠品", "amount": 6000.0}),
                ],
            }
        )
        promotion.participant_ids.write({"state": "accepted", "decided_by_id": self.env.uid})
        with workflow_action():
            promotion.with_context(skip_validation_check=True).write({"state": "approved"})
        if period.state in ("draft", "prepared"):
            promotion._allocate()
            period.action_prepare()
        floor = contracts[:1].counter_ids[:1].floor_id
        floor_promotion = self.with_user(
            self.env.ref("mall_consignment.user_floor_manager")
        ).create(
            {
                "name": "女装换季特卖",
                "kind": "floor",
                "date_start": fields.Date.context_today(self) + timedelta(days=14),
                "date_end": fields.Date.context_today(self) + timedelta(days=20),
                "floor_ids": [(6, 0, floor.ids)],
                "supplier_share": 100.0,
                "allocation_method": "equal",
                "commission_rate": 16.0,
                "expense_ids": [(0, 0, {"name": "POP 与吊旗", "amount": 3000.0})],
            }
        )
        if floor.manager_ids:
            floor_promotion.sudo().action_add_floor_contracts()
            floor_promotion.sudo().action_submit()
        counter = contracts[:1].counter_ids[:1]
        Ad = self.env["mall.ad.placement"]
        today = fields.Date.context_today(self)
        ads = Ad.create(
            [
                {
                    "counter_id": counter.id,
                    "kind": kind,
                    "width": width,
                    "height": height,
                    "top_height": top,
                    "content": content,
                    "date_from": today,
                    "date_to": today + timedelta(days=30),
                }
                for kind, width, height, top, content in (
                    ("pop", 21.0, 29.7, 120.0, "新品上市"),
                    ("floor_stand", 60.0, 90.0, 160.0, "店庆海报"),
                )
            ]
        )
        ads.action_register()
        breach = self.env["mall.ad.breach"].create(
            {
                "placement_id": ads[0].id,
                "rule": "A1",
                "description": "POP 悬挂高度超过 170 cm",
                "penalty": "fine",
                "fine_amount": 200.0,
                "date": today,
            }
        )
        breach.action_confirm()
