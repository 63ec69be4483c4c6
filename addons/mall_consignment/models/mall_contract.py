from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from odoo.addons.marketing_base.models.common import join_list
from odoo.addons.marketing_base.models.marketing_workflow_mixin import (
    in_workflow_action,
    workflow_action,
)

_lt = LazyTranslate(__name__)

HOLDING_STATES = ("signed", "active")
SIGNED_STATES = ("signed", "active", "expired", "terminated")


class MallContract(models.Model):
    """A joint-operation (consignment) or distribution contract for counters (C3-C9)."""

    _name = "mall.contract"
    _description = "Mall Contract"
    _inherit = [
        "mall.contract.terms",
        "mail.thread",
        "mail.activity.mixin",
        "marketing.workflow.mixin",
    ]
    _order = "date_start desc, id desc"
    _workflow_fields = {
        "state": _lt("the Submit for Review, Back to Draft, Sign and Terminate buttons"),
        "signed_by_id": _lt("the Sign button"),
        "date_signed": _lt("the Sign button"),
        "date_terminated": _lt("the Terminate button"),
        "expiry_alerted": _lt("the Send Expiry Reminders action"),
    }
    # Fields a signed contract never changes: only a supplementary agreement does (C5, C6).
    FROZEN_FIELDS = (
        "counter_ids",
        "date_start",
        "date_end",
        "partner_id",
        "brand_id",
        "contract_type",
        "quality_standard",
        "company_id",
        "currency_id",
    )
    _check_company_auto = True

    name = fields.Char(
        string="Number", required=True, copy=False, readonly=True, default="/", tracking=True
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Supplier",
        required=True,
        tracking=True,
        index=True,
        check_company=True,
    )
    brand_id = fields.Many2one(
        "mall.brand", required=True, tracking=True, index=True, check_company=True
    )
    category_id = fields.Many2one(related="brand_id.category_id", store=True)
    counter_ids = fields.Many2many(
        "mall.counter",
        "mall_contract_counter_rel",
        "contract_id",
        "counter_id",
        string="Counters",
        tracking=True,
        check_company=True,
    )
    counter_area = fields.Float(
        string="Counter Area (m²)", compute="_compute_counter_area", store=True
    )
    contract_type = fields.Selection(
        [("consignment", "Consignment (Joint Operation)"), ("distribution", "Distribution")],
        string="Type",
        required=True,
        default="consignment",
        tracking=True,
    )
    date_start = fields.Date(string="Start", required=True, tracking=True)
    date_end = fields.Date(string="End", required=True, tracking=True)
    date_terminated = fields.Date(string="Terminated On", readonly=True, copy=False)
    termination_reason = fields.Text(copy=False, tracking=True)
    product_ids = fields.Many2many(
        "product.product",
        "mall_contract_product_rel",
        "contract_id",
        "product_id",
        string="Products",
        check_company=True,
        help="The only products the supplier may sell at the counters.",
    )
    quality_standard = fields.Char(string="Quality Standard No.", tracking=True)
    partner_representative = fields.Char(string="Supplier Representative", tracking=True)
    mall_representative_id = fields.Many2one(
        "res.users", string="Mall Representative", tracking=True, check_company=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        tracking=True,
        check_company=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    tier_ids = fields.One2many("mall.contract.tier", "contract_id", string="Commission Brackets")
    amendment_ids = fields.One2many(
        "mall.contract.amendment", "contract_id", string="Supplementary Agreements"
    )
    amendment_count = fields.Integer(compute="_compute_amendment_count")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("review", "In Review"),
            ("signed", "Signed"),
            ("active", "In Force"),
            ("expired", "Expired"),
            ("terminated", "Terminated"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    signed_by_id = fields.Many2one("res.users", string="Signed By", readonly=True, copy=False)
    date_signed = fields.Date(string="Signed On", readonly=True, copy=False)
    expiry_alerted = fields.Boolean(readonly=True, copy=False)
    month_sales = fields.Monetary(
        string="Sales This Month",
        compute="_compute_fulfilment",
        help="Net sales of the calendar month to date.",
    )
    fulfilment_rate = fields.Float(
        string="Fulfilment (%)",
        compute="_compute_fulfilment",
        help="Sales of the month to date against the monthly target.",
    )
    note = fields.Html()

    _sql_constraints = [
        ("name_company_uniq", "unique(name, company_id)", "A contract number must be unique."),
    ]

    # ------------------------------------------------------------------ computes
    @api.depends("counter_ids.area")
    def _compute_counter_area(self):
        for contract in self:
            contract.counter_area = sum(contract.counter_ids.mapped("area"))

    def _compute_amendment_count(self):
        for contract in self:
            contract.amendment_count = len(contract.amendment_ids)

    def _compute_fulfilment(self):
        today = fields.Date.context_today(self)
        groups = self.env["mall.sale.line"]._read_group(
            [("contract_id", "in", self.ids), ("date", ">=", today.replace(day=1))],
            ["contract_id"],
            ["amount:sum"],
        )
        sales = {contract.id: amount for contract, amount in groups}
        for contract in self:
            contract.month_sales = sales.get(contract.id, 0.0)
            contract.fulfilment_rate = (
                100.0 * contract.month_sales / contract.monthly_target
                if contract.monthly_target
                else 0.0
            )

    @api.depends("name", "brand_id")
    def _compute_display_name(self):
        for contract in self:
            contract.display_name = (
                f"{contract.name} {contract.brand_id.name}" if contract.brand_id else contract.name
            )

    # ------------------------------------------------------------------ constraints
    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for contract in self:
            if contract.date_end < contract.date_start:
                raise ValidationError(
                    self.env._(
                        "%(contract)s: the end date %(end)s is before the start date %(start)s.",
                        contract=contract.display_name,
                        end=contract.date_end,
                        start=contract.date_start,
                    )
                )

    @api.constrains("counter_ids", "product_ids", "company_id")
    def _check_lists_company(self):
        """Odoo's company check passes a many2many when one of its records fits: every
        counter and product must belong to the contract's company (or to none)."""
        for contract in self:
            for name in ("counter_ids", "product_ids"):
                strays = contract.sudo()[name].filtered(
                    lambda rec, contract=contract: rec.company_id
                    and rec.company_id != contract.company_id
                )
                if strays:
                    raise UserError(
                        self.env._(
                            "%(contract)s belongs to %(company)s: %(field)s %(records)s belong "
                            "to another company.",
                            contract=contract.display_name,
                            company=contract.company_id.name,
                            field=contract._fields[name].get_description(self.env)["string"],
                            records=join_list(self.env, strays.mapped("display_name")),
                        )
                    )

    @api.constrains("counter_ids", "date_start", "date_end", "state")
    def _check_counter_overlap(self):
        self.filtered(lambda c: c.state in HOLDING_STATES)._raise_if_overlap()

    def _raise_if_overlap(self):
        """C1: a counter has at most one signed or active contract over any dates."""
        if not self:
            return
        self.env.flush_all()
        self.env.cr.execute(
            """
            SELECT c.name, o.name, ctr.code
              FROM mall_contract c
              JOIN mall_contract_counter_rel r ON r.contract_id = c.id
              JOIN mall_contract_counter_rel ro
                ON ro.counter_id = r.counter_id AND ro.contract_id != c.id
              JOIN mall_contract o ON o.id = ro.contract_id
              JOIN mall_counter ctr ON ctr.id = r.counter_id
             WHERE c.id IN %s
               AND o.state IN %s
               AND daterange(c.date_start, COALESCE(c.date_terminated, c.date_end), '[]')
                && daterange(o.date_start, COALESCE(o.date_terminated, o.date_end), '[]')
             LIMIT 1
            """,
            [tuple(self.ids), HOLDING_STATES],
        )
        row = self.env.cr.fetchone()
        if row:
            raise ValidationError(
                self.env._(
                    "Counter %(counter)s already has contract %(other)s over these dates: "
                    "contract %(contract)s cannot hold it too.",
                    counter=row[2],
                    other=row[1],
                    contract=row[0],
                )
            )

    # ------------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("mall.contract") or "/"
        return super().create(vals_list)

    def write(self, vals):
        locked = set(self.TERM_FIELDS) | set(self.FROZEN_FIELDS)
        if not in_workflow_action(self.env):
            # The product list (C7) grows after signature only by an approved new-product
            # request (P1), which runs as a workflow action.
            locked.add("product_ids")
        if locked & set(vals):
            signed = self.filtered(lambda c: c.state in SIGNED_STATES)
            if signed:
                raise UserError(
                    self.env._(
                        "Contract %(contract)s is signed: its terms change only through a "
                        "supplementary agreement.",
                        contract=join_list(self.env, signed.mapped("name")),
                    )
                )
        return super().write(vals)

    def unlink(self):
        if any(contract.state != "draft" for contract in self):
            raise UserError(self.env._("Only draft contracts can be deleted."))
        return super().unlink()

    # ------------------------------------------------------------------ workflow
    def _missing_terms(self):
        """C4: the mandatory terms this contract still lacks, as labels."""
        self.ensure_one()
        missing = []

        def label(name):
            return self._fields[name].get_description(self.env)["string"]

        if not self.counter_ids:
            missing.append(label("counter_ids"))
        if not self.product_ids:
            missing.append(label("product_ids"))
        if not self.quality_standard:
            missing.append(label("quality_standard"))
        if self.contract_type == "consignment":
            if self.commission_mode == "flat" and not self.commission_rate:
                missing.append(label("commission_rate"))
            if self.commission_mode != "flat" and not self.tier_ids:
                missing.append(label("tier_ids"))
        if not self.monthly_target:
            missing.append(label("monthly_target"))
        if not self.partner_representative:
            missing.append(label("partner_representative"))
        if not self.mall_representative_id:
            missing.append(label("mall_representative_id"))
        return missing

    def action_submit(self):
        self._check_role("mall_consignment.group_buyer", "mall_consignment.group_contract_admin")
        for contract in self:
            if contract.state != "draft":
                raise UserError(
                    self.env._(
                        "Contract %(contract)s is not a draft.", contract=contract.display_name
                    )
                )
            missing = contract._missing_terms()
            if missing:
                raise UserError(
                    self.env._(
                        "Contract %(contract)s cannot be submitted: mandatory terms missing: "
                        "%(terms)s.",
                        contract=contract.display_name,
                        terms=join_list(self.env, missing),
                    )
                )
        self._workflow_write({"state": "review"})
        return True

    def action_reset_draft(self):
        self._check_role("mall_consignment.group_contract_admin")
        if any(contract.state != "review" for contract in self):
            raise UserError(self.env._("Only contracts in review go back to draft."))
        self._workflow_write({"state": "draft"})
        return True

    def action_sign(self):
        """C5: the Marketing Head signs; the counters are locked while the overlap is
        checked, so two heads signing at once cannot both take a counter."""
        self._check_role("mall_consignment.group_marketing_head")
        for contract in self:
            if contract.state != "review":
                raise UserError(
                    self.env._(
                        "Contract %(contract)s must be reviewed before it is signed.",
                        contract=contract.display_name,
                    )
                )
        counters = self.counter_ids
        if counters:
            self.env.cr.execute(
                "SELECT id FROM mall_counter WHERE id IN %s ORDER BY id FOR UPDATE",
                [tuple(counters.ids)],
            )
        self._raise_if_overlap()
        today = fields.Date.context_today(self)
        for contract in self:
            contract._workflow_write(
                {
                    "state": "active" if contract.date_start <= today else "signed",
                    "signed_by_id": self.env.user.id,
                    "date_signed": today,
                }
            )
            contract.message_post(
                body=self.env._("Signed by %(user)s.", user=self.env.user.name),
                message_type="comment",
                subtype_xmlid="mail.mt_note",
            )
        return True

    def action_terminate(self):
        self._check_role("mall_consignment.group_marketing_head")
        for contract in self:
            if contract.state not in HOLDING_STATES:
                raise UserError(
                    self.env._(
                        "Contract %(contract)s is not in force and cannot be terminated.",
                        contract=contract.display_name,
                    )
                )
            if not contract.termination_reason:
                raise UserError(
                    self.env._(
                        "Contract %(contract)s: give a termination reason first.",
                        contract=contract.display_name,
                    )
                )
        today = fields.Date.context_today(self)
        self._workflow_write({"state": "terminated", "date_terminated": today})
        return True

    def _raise_if_not_amendable(self):
        """C6: supplementary agreements amend contracts in force only."""
        for contract in self:
            if contract.state not in HOLDING_STATES:
                raise UserError(
                    self.env._(
                        "Contract %(contract)s is not in force: change the draft instead of "
                        "adding a supplementary agreement.",
                        contract=contract.display_name,
                    )
                )

    def _report_copy_label(self, copy, total):
        """The copy line of the printed contract, in the reader's language."""
        return self.env._("Copy %(copy)s of %(total)s", copy=copy, total=total)

    def _report_file_name(self):
        self.ensure_one()
        return self.env._("Contract %(number)s", number=self.name)

    def action_view_amendments(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "mall_consignment.action_mall_contract_amendment"
        )
        action["domain"] = [("contract_id", "=", self.id)]
        action["context"] = {"default_contract_id": self.id}
        return action

    def action_send_expiry_reminder(self):
        """C8: an activity for the responsible of each contract in force."""
        self._check_role("mall_consignment.group_contract_admin")
        for contract in self.filtered(lambda c: c.state in HOLDING_STATES):
            user = contract.user_id or self.env.user
            contract.activity_schedule(
                "mall_consignment.mail_activity_contract_expiry",
                date_deadline=contract.date_end,
                user_id=user.id,
                summary=contract.with_context(lang=user.lang).env._(
                    "Contract %(contract)s ends on %(date)s",
                    contract=contract.name,
                    date=contract.date_end,
                ),
            )
        self._workflow_write({"expiry_alerted": True})
        return True

    @api.model
    def _cron_update_states(self):
        """Daily: signed contracts start, ended ones expire, C8 alerts go out."""
        today = fields.Date.context_today(self)
        with workflow_action():
            self.search([("state", "=", "signed"), ("date_start", "<=", today)]).write(
                {"state": "active"}
            )
            self.search([("state", "=", "active"), ("date_end", "<", today)]).write(
                {"state": "expired"}
            )
        for company in self.env["res.company"].search([]):
            horizon = today + timedelta(days=company.mall_expiry_alert_days)
            self.search(
                [
                    ("company_id", "=", company.id),
                    ("state", "in", HOLDING_STATES),
                    ("date_end", "<=", horizon),
                    ("expiry_alerted", "=", False),
                ]
            ).action_send_expiry_reminder()

    # ------------------------------------------------------------------ terms
    def _terms_batch(self, date):
        """{contract id: the terms record in force on ``date``} (C6): the latest signed
        supplementary agreement effective by then, else the contract. One query."""
        amendments = self.env["mall.contract.amendment"].search(
            [
                ("contract_id", "in", self.ids),
                ("state", "=", "signed"),
                ("date_effective", "<=", date),
            ],
            order="date_effective desc, id desc",
        )
        terms = {contract.id: contract for contract in self}
        seen = set()
        for amendment in amendments:
            if amendment.contract_id.id not in seen:
                seen.add(amendment.contract_id.id)
                terms[amendment.contract_id.id] = amendment
        return terms

    def _terms_on(self, date=None):
        self.ensure_one()
        return self._terms_batch(date or fields.Date.context_today(self))[self.id]

    def compute_commission(self, amount, date=None):
        """The commission on a net sales amount by the terms in force on ``date``
        (today by default), to the cent (C9, C6)."""
        self.ensure_one()
        if amount < 0:
            raise ValidationError(
                self.env._("The sales amount for a commission cannot be negative.")
            )
        return self._terms_on(date)._commission_on(amount)

    def _compute_commission_batch(self, amounts, date):
        """{contract id: commission} for {contract id: net sales} with the terms in
        force on ``date``; the number of queries does not depend on len(self)."""
        terms = self._terms_batch(date)
        return {
            contract_id: terms[contract_id]._commission_on(amount)
            for contract_id, amount in amounts.items()
        }
