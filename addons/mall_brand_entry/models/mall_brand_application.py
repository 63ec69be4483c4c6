import statistics
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from odoo.addons.mall_consignment.models.mall_contract_terms import COMMISSION_MODES
from odoo.addons.mall_supplier_exit.models.mall_elimination import SETTLED_STATES

_lt = LazyTranslate(__name__)

BUYER = "mall_consignment.group_buyer"
HEAD = "mall_consignment.group_marketing_head"
CONTRACTS = "mall_consignment.group_contract_admin"
FLOOR = "mall_consignment.group_floor_manager"
GM = "marketing_base.group_general_manager"

APPLICATION_STATES = [
    ("draft", "Draft"),
    ("research", "Research"),
    ("reserve", "Reserve"),
    ("board", "Board Review"),
    ("approved", "Approved"),
    ("rejected", "Rejected"),
    ("contracted", "Contracted"),
    ("opened", "Opened"),
]
# B1: the brand library's stage follows its application.
BRAND_STAGE = {"research": "research", "reserve": "reserve", "opened": "introduced"}


class MallBrandApplication(models.Model):
    """A brand entry application (B1-B5): the Buyer researches and reserves the brand,
    the review board (B3) votes through the approval chain, one in one out (B4) names the
    leaving contract, approval leads to a contract draft (B5), fit-out (S2) and opening."""

    _name = "mall.brand.application"
    _description = "Brand Entry Application"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "marketing.workflow.mixin",
        "marketing.approval.mixin",
    ]
    _order = "id desc"
    _check_company_auto = True
    _state_from = ["board"]
    _state_to = ["approved"]
    _cancel_state = "cancel"

    _workflow_fields = {
        "state": _lt("the Research, Reserve, Submit to the Board, Open buttons and the board"),
        "contract_id": _lt("the Create Contract button"),
        "exit_notice_id": _lt("the board's approval"),
        "date_opened": _lt("the Open for Sale button"),
    }

    name = fields.Char(string="Number", required=True, readonly=True, copy=False, default="/")
    brand_id = fields.Many2one(
        "mall.brand", string="Brand", index=True, tracking=True, help="Empty for a new brand."
    )
    brand_name = fields.Char(string="New Brand Name", help="Added to the brand library.")
    partner_id = fields.Many2one(
        "res.partner", string="Supplier", required=True, index=True, tracking=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    user_id = fields.Many2one(
        "res.users",
        string="Buyer",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
        help="The Buyer who researches and proposes the brand; a board member.",
    )
    floor_id = fields.Many2one(
        "mall.floor", string="Target Floor", required=True, tracking=True, check_company=True
    )
    floor_manager_id = fields.Many2one(
        "res.users",
        string="Floor Manager",
        compute="_compute_floor_manager_id",
        store=True,
        help="Taken from the target floor: its manager sits on the board.",
    )
    category_id = fields.Many2one(
        "mall.brand.category", string="Brand Category", required=True, tracking=True
    )
    counter_id = fields.Many2one(
        "mall.counter",
        string="Counter Wanted",
        tracking=True,
        check_company=True,
        domain="[('floor_id', '=', floor_id), ('state', '=', 'vacant')]",
    )
    free_counter_count = fields.Integer(compute="_compute_free_counter_count")
    leaving_contract_id = fields.Many2one(
        "mall.contract",
        string="Leaving Brand's Contract",
        tracking=True,
        check_company=True,
        domain="[('state', 'in', ('signed', 'active')), ('counter_ids.floor_id', '=', floor_id)]",
        help="One in, one out: the active contract whose brand leaves when the "
        "floor has no free counter.",
    )
    planned_monthly_sales = fields.Monetary(tracking=True)
    commission_mode = fields.Selection(
        COMMISSION_MODES, string="Proposed Commission Mode", default="flat", required=True
    )
    commission_rate = fields.Float(string="Proposed Rate (%)", digits=(5, 2), tracking=True)
    level = fields.Selection(
        [("international", "International"), ("national", "National"), ("other", "Other")],
        string="Brand Level",
        required=True,
        default="national",
        tracking=True,
    )
    level_justification = fields.Text(
        help="A brand neither nationally nor internationally known needs a written reason."
    )
    positioning = fields.Text()
    imported = fields.Boolean(string="Imported Goods", help="Import papers are mandatory.")
    research_note = fields.Html(string="Research")
    reserve_note = fields.Html(string="Reserve")
    document_ids = fields.One2many(related="partner_id.mall_document_ids", string="Documents")
    missing_documents = fields.Text(compute="_compute_missing_documents")
    state = fields.Selection(
        APPLICATION_STATES,
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
        group_expand=True,
    )
    contract_id = fields.Many2one("mall.contract", readonly=True, copy=False, check_company=True)
    exit_notice_id = fields.Many2one(
        "mall.exit.notice", string="Exit Notice", readonly=True, copy=False, check_company=True
    )
    fitout_ids = fields.One2many("mall.fitout", "application_id", string="Fit-out")
    date_opened = fields.Date(string="Opened On", readonly=True, copy=False)
    # The board's view of the swap (B4).
    candidate_commission = fields.Monetary(
        string="Candidate's Monthly Commission",
        compute="_compute_swap",
        help="Planned monthly sales × proposed rate.",
    )
    leaving_commission = fields.Monetary(
        string="Leaving Brand's Average Monthly Commission", compute="_compute_swap"
    )
    candidate_sales_per_area = fields.Monetary(
        string="Candidate's Sales per m²", compute="_compute_swap"
    )
    leaving_sales_per_area = fields.Monetary(
        string="Leaving Brand's Sales per m²", compute="_compute_swap"
    )
    category_median_per_area = fields.Monetary(
        string="Category Median Sales per m²", compute="_compute_swap"
    )
    color = fields.Integer()

    # ------------------------------------------------------------------ computes
    @api.depends("floor_id.manager_ids")
    def _compute_floor_manager_id(self):
        for application in self:
            application.floor_manager_id = application.floor_id.manager_ids[:1]

    @api.depends("floor_id")
    def _compute_free_counter_count(self):
        for application in self:
            application.free_counter_count = len(application._free_counters())

    def _free_counters(self):
        self.ensure_one()
        if not self.floor_id:
            return self.env["mall.counter"]
        return self.env["mall.counter"].search(
            [("floor_id", "=", self.floor_id.id), ("state", "=", "vacant")]
        )

    @api.depends("partner_id", "category_id", "imported", "brand_id")
    def _compute_missing_documents(self):
        for application in self:
            application.missing_documents = "\n".join(application._missing_documents())

    def _missing_documents(self):
        """B2: each mandatory document (S1) of the category missing or expired."""
        self.ensure_one()
        if not (self.partner_id and self.category_id):
            return []
        Document = self.env["mall.supplier.document"]
        labels = dict(Document._fields["document_type"]._description_selection(self.env))
        required = self.env["mall.document.requirement"]._for(self.category_id, self.imported)
        documents = Document.search(
            [
                ("partner_id", "=", self.partner_id.id),
                ("document_type", "in", required),
                "|",
                ("brand_id", "=", False),
                ("brand_id", "=", self.brand_id.id or False),
            ]
        )
        missing = []
        for document_type in required:
            of_type = documents.filtered(lambda d, t=document_type: d.document_type == t)
            if not of_type:
                missing.append(self.env._("%(document)s: missing", document=labels[document_type]))
            elif all(d.validity == "expired" for d in of_type):
                missing.append(
                    self.env._(
                        "%(document)s: expired on %(date)s",
                        document=labels[document_type],
                        date=max(of_type.mapped("date_valid_until")),
                    )
                )
        return missing

    def _counter_area(self):
        self.ensure_one()
        counters = self.counter_id or self.leaving_contract_id.counter_ids
        return sum(counters.mapped("area"))

    @api.depends("planned_monthly_sales", "commission_rate", "counter_id", "leaving_contract_id")
    def _compute_swap(self):
        # Settled figures the board reads (B4): read as superuser, shown as totals only.
        Statement = self.env["mall.settlement.statement"].sudo()
        for application in self:
            application.candidate_commission = application.currency_id.round(
                application.planned_monthly_sales * application.commission_rate / 100.0
            )
            area = application._counter_area()
            application.candidate_sales_per_area = (
                application.planned_monthly_sales / area if area else 0.0
            )
            leaving = Statement.search(
                [
                    ("contract_id", "=", application.leaving_contract_id.id or 0),
                    ("state", "in", SETTLED_STATES),
                ],
                order="date_to desc",
                limit=12,
            )
            count = len(leaving) or 1
            application.leaving_commission = sum(leaving.mapped("commission")) / count
            application.leaving_sales_per_area = sum(leaving.mapped("sales_per_area")) / count
            latest = Statement.search(
                [
                    ("company_id", "=", application.company_id.id),
                    ("contract_id.category_id", "=", application.category_id.id or 0),
                    ("state", "in", SETTLED_STATES),
                ],
                order="date_to desc",
                limit=1,
            )
            peers = Statement.search(
                [
                    ("period_id", "=", latest.period_id.id or 0),
                    ("contract_id.category_id", "=", application.category_id.id or 0),
                    ("state", "in", SETTLED_STATES),
                ]
            )
            application.category_median_per_area = (
                statistics.median(peers.mapped("sales_per_area")) if peers else 0.0
            )

    # ------------------------------------------------------------------ board (B3)
    @api.depends("review_ids", "review_ids.status", "company_id.mall_board_rule")
    def _compute_validation_status(self):
        """Unanimity is the approval chain's own rule (any rejection rejects). With the
        company's "majority" rule: validated once more than half the members approve,
        rejected by a General Manager's rejection (veto) or once a majority is out of
        reach."""
        result = super()._compute_validation_status()
        gm = self.env.ref(GM)
        for application in self:
            reviews = application.review_ids
            if application.company_id.mall_board_rule != "majority" or not reviews:
                continue
            approved = len(reviews.filtered(lambda r: r.status == "approved"))
            rejected = reviews.filtered(lambda r: r.status == "rejected")
            need = len(reviews) // 2 + 1
            veto = any(r.definition_id.reviewer_group_id == gm for r in rejected)
            if veto or len(rejected) > len(reviews) - need:
                application.validation_status = "rejected"
            elif approved >= need:
                application.validation_status = "validated"
            elif reviews.filtered(lambda r: r.status == "pending"):
                application.validation_status = "pending"
            else:
                application.validation_status = "waiting"
        return result

    def _get_sequences_to_approve(self, user):
        """One vote per member and round: a user in several board groups (the General
        Manager is also a Marketing Head) decides only their first seat, once."""
        sequences = super()._get_sequences_to_approve(user)
        if self.state != "board" or self.review_ids.filtered(lambda r: r.done_by == user):
            return []
        return sorted(sequences)[:1]

    def _board_seat(self, tiers):
        self.ensure_one()
        sequences = self._get_sequences_to_approve(self.env.user)
        if not sequences:
            raise UserError(
                self.env._(
                    "Application %(application)s: you have no vote to cast on it (not a board "
                    "member, already voted, or not under board review).",
                    application=self.name,
                )
            )
        return (tiers or self.review_ids).filtered(lambda r: r.sequence in sequences)

    def _validate_tier(self, tiers=False):
        return super()._validate_tier(self._board_seat(tiers))

    def _rejected_tier(self, tiers=False):
        return super()._rejected_tier(self._board_seat(tiers))

    def restart_validation(self):
        """Votes are wiped only by the Buyer or the Marketing Head (they stay in history)."""
        self._check_role(BUYER)
        return super().restart_validation()

    def _on_approval_validated(self):
        """B3 approved; B4: the leaving brand's exit notice is drafted for its floor.
        Runs after the deciding member's vote, whatever their own rights on the record."""
        for application in self.sudo():
            vals = {"state": "approved"}
            leaving = application.leaving_contract_id
            if leaving and not application.exit_notice_id:
                notice = (
                    self.env["mall.exit.notice"]
                    .sudo()
                    .create(
                        {
                            "contract_id": leaving.id,
                            "company_id": leaving.company_id.id,
                            "reason": "one_in_one_out",
                            "reason_note": self.env._(
                                "Replaced by %(brand)s (application %(application)s).",
                                brand=application._brand_label(),
                                application=application.name,
                            ),
                            "date_exit": fields.Date.context_today(self)
                            + timedelta(days=application.company_id.mall_exit_notice_days + 27),
                        }
                    )
                )
                vals["exit_notice_id"] = notice.id
                for manager in notice.floor_id.manager_ids:
                    notice.activity_schedule(
                        "mail.mail_activity_data_todo",
                        user_id=manager.id,
                        summary=self.with_context(lang=manager.lang).env._(
                            "One in, one out: file the exit notice of %(brand)s",
                            brand=leaving.brand_id.name,
                        ),
                    )
            application._workflow_write(vals)
            application.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=application.user_id.id,
                summary=application.with_context(lang=application.user_id.lang).env._(
                    "The board approved: create the contract draft"
                ),
            )

    def _on_approval_rejected(self):
        self.sudo()._workflow_write({"state": "rejected"})
        for application in self.sudo():
            application.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=application.user_id.id,
                summary=application.with_context(lang=application.user_id.lang).env._(
                    "The board rejected the application"
                ),
            )

    # ------------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("mall.brand.application") or "/"
        return super().create(vals_list)

    @api.constrains("brand_id", "brand_name")
    def _check_brand(self):
        for application in self:
            if not application.brand_id and not (application.brand_name or "").strip():
                raise ValidationError(
                    self.env._(
                        "Application %(application)s: choose a brand of the library or give "
                        "the new brand's name.",
                        application=application.name,
                    )
                )

    @api.constrains("commission_rate", "planned_monthly_sales")
    def _check_figures(self):
        for application in self:
            if not 0.0 <= application.commission_rate <= 100.0:
                raise ValidationError(
                    self.env._(
                        "Application %(application)s: the proposed rate must be between 0 "
                        "and 100.",
                        application=application.name,
                    )
                )
            if application.planned_monthly_sales < 0:
                raise ValidationError(
                    self.env._(
                        "Application %(application)s: the planned monthly sales cannot be "
                        "negative.",
                        application=application.name,
                    )
                )

    def _brand_label(self):
        self.ensure_one()
        return self.brand_id.name or self.brand_name

    @api.depends("name", "brand_id", "brand_name")
    def _compute_display_name(self):
        for application in self:
            application.display_name = f"{application.name} {application._brand_label() or ''}"

    # ------------------------------------------------------------------ workflow

    def _move(self, state):
        """Change the state; the library brand's stage follows (B1)."""
        for application in self:
            application._workflow_write({"state": state})
            stage = BRAND_STAGE.get(state)
            if stage and application.brand_id.stage != stage:
                application.brand_id.sudo().write({"stage": stage})

    def action_research(self):
        """B1: start the research; a new brand enters the library in research."""
        self._check_role(BUYER)
        self._check_state_in(("draft",))
        for application in self.filtered(lambda a: not a.brand_id):
            brand = (
                self.env["mall.brand"]
                .sudo()
                .create(
                    {
                        "name": application.brand_name.strip(),
                        "category_id": application.category_id.id,
                        "partner_id": application.partner_id.id,
                        "level": application.level,
                        "positioning": application.positioning,
                    }
                )
            )
            application.brand_id = brand
        self._move("research")
        return True

    def action_reserve(self):
        self._check_role(BUYER)
        self._check_state_in(("research",))
        for application in self:
            if not application.research_note:
                raise UserError(
                    self.env._(
                        "Application %(application)s: write the research notes first.",
                        application=application.display_name,
                    )
                )
        self._move("reserve")
        return True

    def _check_board_ready(self):
        """B2 and B4 before the board."""
        for application in self:
            problems = application._missing_documents()
            if application.level == "other" and not (application.level_justification or "").strip():
                problems.append(
                    self.env._("Brand level Other: a written justification is required")
                )
            if application.counter_id:
                if application.counter_id.state != "vacant":
                    problems.append(
                        self.env._(
                            "Counter %(counter)s is not free", counter=application.counter_id.code
                        )
                    )
            elif application.leaving_contract_id:
                leaving = application.leaving_contract_id
                if leaving.state not in ("signed", "active"):
                    problems.append(
                        self.env._("Contract %(contract)s is not in force", contract=leaving.name)
                    )
                elif application.floor_id not in leaving.counter_ids.floor_id:
                    problems.append(
                        self.env._(
                            "Contract %(contract)s has no counter on %(floor)s",
                            contract=leaving.name,
                            floor=application.floor_id.name,
                        )
                    )
            elif application._free_counters():
                problems.append(self.env._("Choose one of the floor's free counters"))
            else:
                problems.append(
                    self.env._(
                        "The floor has no free counter: name the active contract whose brand "
                        "leaves (one in, one out)"
                    )
                )
            if problems:
                raise UserError(
                    self.env._(
                        "Application %(application)s cannot go to the board:\n%(problems)s",
                        application=application.display_name,
                        problems="\n".join(f"- {p}" for p in problems),
                    )
                )

    def action_submit_board(self):
        """B2/B4 checked, then the board reviews (a resubmission starts a new round; the
        earlier round's votes stay in the review history)."""
        self._check_role(BUYER)
        self._check_state_in(("reserve", "rejected"))
        self._check_board_ready()
        self._move("board")
        self.invalidate_recordset(["need_validation", "review_ids"])
        reviews = self.request_validation()
        if not reviews:
            raise UserError(
                self.env._(
                    "No review board is configured for brand applications (Settings > "
                    "Approval Chains)."
                )
            )
        return True

    def action_create_contract(self):
        """B5: a contract draft prefilled from the application."""
        self._check_role(BUYER, CONTRACTS)
        self.ensure_one()
        self._check_state_in(("approved",))
        if self.contract_id:
            return self.contract_id.get_formview_action()
        start = fields.Date.context_today(self)
        if self.exit_notice_id:
            start = max(start, self.exit_notice_id.date_exit + timedelta(days=1))
        counters = self.counter_id or self.leaving_contract_id.counter_ids
        contract = self.env["mall.contract"].create(
            {
                "partner_id": self.partner_id.id,
                "brand_id": self.brand_id.id,
                "company_id": self.company_id.id,
                "counter_ids": [fields.Command.set(counters.ids)],
                "commission_mode": self.commission_mode,
                "commission_rate": self.commission_rate,
                "monthly_target": self.planned_monthly_sales,
                "date_start": start,
                "date_end": start + relativedelta(years=1, days=-1),
                "user_id": self.user_id.id,
                "application_id": self.id,
            }
        )
        self._workflow_write({"contract_id": contract.id})
        return contract.get_formview_action()

    def _on_contract_signed(self):
        """B5: the contract's signature moves the application to contracted."""
        self.filtered(lambda a: a.state == "approved")._move("contracted")
        for application in self:
            application.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=application.user_id.id,
                summary=application.with_context(lang=application.user_id.lang).env._(
                    "Contract signed: submit the fit-out drawings"
                ),
            )

    def action_create_fitout(self):
        self._check_role(BUYER)
        self.ensure_one()
        self._check_state_in(("contracted",))
        fitout = self.fitout_ids.filtered(lambda f: f.state != "cancel")[:1]
        if not fitout:
            fitout = self.env["mall.fitout"].create(
                {"application_id": self.id, "company_id": self.company_id.id}
            )
        return fitout.get_formview_action()

    def action_open(self):
        """B5: the counter opens for sale once the fit-out drawings are approved (S2) and
        the contract is in force; the brand is introduced."""
        self._check_role(FLOOR, HEAD)
        self._check_state_in(("contracted",))
        today = fields.Date.context_today(self)
        for application in self:
            if not application.fitout_ids.filtered(lambda f: f.state in ("approved", "started")):
                raise UserError(
                    self.env._(
                        "Application %(application)s: the fit-out drawings are not approved "
                        "by the marketing department and security yet.",
                        application=application.display_name,
                    )
                )
            if application.contract_id.state != "active":
                raise UserError(
                    self.env._(
                        "Application %(application)s: contract %(contract)s is not in force.",
                        application=application.display_name,
                        contract=application.contract_id.name,
                    )
                )
            if not self.env.su and not self.env.user.has_group(HEAD):
                if self.env.user not in application.floor_id.manager_ids:
                    raise UserError(
                        self.env._(
                            "Only a manager of floor %(floor)s opens its counters.",
                            floor=application.floor_id.name,
                        )
                    )
        # The floor manager opens the counter without write access to the application.
        self.sudo()._move("opened")
        self.sudo()._workflow_write({"date_opened": today})
        self.brand_id.sudo().write({"date_introduced": today})
        return True

    # ------------------------------------------------------------------ demo
    @api.model
    def _demo_board(self):
        """Demo: a board in progress (two of four votes) and an approved one in, one out
        swap on 2F with the leaving brand's exit notice drafted."""
        ref = self.env.ref
        buyer = ref("mall_consignment.user_buyer")
        gm = ref("marketing_base.user_general_manager")
        head = ref("mall_consignment.user_marketing_head")
        floor = ref("mall_consignment.user_floor_manager")
        today = fields.Date.context_today(self)
        partner = self.env["res.partner"].create(
            {"name": "杭州悦颜化妆品有限公司", "is_company": True, "city": "杭州"}
        )
        self.env["mall.supplier.document"].create(
            [
                {
                    "partner_id": partner.id,
                    "document_type": kind,
                    "number": f"YY-{n:03d}",
                    "date_issue": today - relativedelta(months=3),
                    "original_seen": True,
                }
                for n, kind in enumerate(
                    (
                        "business_licence",
                        "tax_registration",
                        "quality_report",
                        "trademark",
                        "brand_authorisation",
                    )
                )
            ]
        )
        category = ref("mall_consignment.category_womenswear")
        Application = self.with_user(buyer)
        floor_2f = ref("mall_consignment.floor_2f")
        in_progress = Application.create(
            {
                "brand_name": "悦颜 YUEYAN",
                "partner_id": partner.id,
                "floor_id": floor_2f.id,
                "category_id": category.id,
                "counter_id": floor_2f.counter_ids.filtered(lambda c: c.state == "vacant")[:1].id,
                "planned_monthly_sales": 180000.0,
                "commission_rate": 20.0,
                "level": "national",
                "positioning": "都市轻熟女装，客单价 800-1500 元",
            }
        )
        leaving = self.env["mall.contract"].search(
            [("state", "=", "active"), ("counter_ids.floor_id", "=", floor_2f.id)],
            order="id desc",
            limit=1,
        )
        swap = Application.create(
            {
                "brand_name": "素问 SUWEN",
                "partner_id": partner.id,
                "floor_id": floor_2f.id,
                "category_id": category.id,
                "leaving_contract_id": leaving.id,
                "planned_monthly_sales": 260000.0,
                "commission_rate": 22.0,
                "level": "international",
                "positioning": "设计师女装，进一退一替换末位品牌",
            }
        )
        for application in in_progress | swap:
            application.action_research()
            application.research_note = "<p>杭州大厦、银泰武林店均有专柜，月销 15-30 万。</p>"
            application.action_reserve()
            application.action_submit_board()
        for user in (gm, head):
            in_progress.with_user(user)._validate_tier()
        for user in (gm, head, floor, buyer):
            swap.with_user(user)._validate_tier()
        swap.action_create_contract()
        # The fit-out drawings being prepared for the new counter (S2).
        self.env["mall.fitout"].with_user(buyer).create(
            {"application_id": swap.id, "note": "道具形象与效果图待供应商提交"}
        )
        return in_progress | swap
