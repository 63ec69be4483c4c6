import re
from datetime import timedelta

from psycopg2.errors import UniqueViolation

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL
from odoo.tools.translate import LazyTranslate

from odoo.addons.marketing_base.models.marketing_workflow_mixin import (
    in_workflow_action,
    workflow_action,
)

_lt = LazyTranslate(__name__)

CONTACT_KIND = [("call", "Call"), ("visit", "Visit")]

# The keys an integrator may give to register_contact (V1), mapped to lead fields.
REGISTER_KEYS = {
    "project_id",
    "contact_name",
    "phone",
    "contact_kind",
    "source_id",
    "user_id",
    "budget",
    "wanted_layout",
    "wanted_area",
    "appointment_at",
    "description",
}

MANAGER_GROUP = "property_sales.group_marketing_manager"
CONSULTANT_GROUP = "property_sales.group_sales_consultant"
REGISTER_GROUPS = (
    "property_sales.group_project_secretary",
    MANAGER_GROUP,
)


def mask_phone(phone):
    """V2: the phone as a colliding consultant sees it: 138****1234."""
    digits = re.sub(r"\D", "", phone or "")
    if digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    if len(digits) < 8:
        return "****"
    return f"{digits[:3]}****{digits[-4:]}"


class CrmLead(models.Model):
    """A caller or visitor of a project's sales office (V1), protected for the consultant who
    registered them (V2): a second registration of the same phone is logged on the owner's
    lead, never duplicated; a lapsed protection puts the customer in the project's pool."""

    _name = "crm.lead"
    _inherit = ["crm.lead", "marketing.workflow.mixin"]

    _workflow_fields = {
        "protection_until": _lt(
            "the registration, the Log Follow-up and Take from Pool buttons and the "
            "Marketing Manager's Reassign"
        ),
        "registration_date": _lt("the registration"),
        "split_user_id": _lt("the Marketing Manager's Reassign or Split"),
    }

    # ------------------------------------------------------------------
    # FIELDS
    # ------------------------------------------------------------------
    project_id = fields.Many2one(
        "property.project", string="Project", index=True, tracking=True, check_company=True
    )
    contact_kind = fields.Selection(
        CONTACT_KIND, string="Call or Visit", help="How the customer first contacted the office."
    )
    budget = fields.Monetary(currency_field="company_currency", help="The customer's budget.")
    wanted_layout = fields.Char(string="Wanted Layout", help="e.g. 3室2厅2卫")
    wanted_area = fields.Float(string="Wanted Area (㎡)", digits=(10, 2))
    appointment_at = fields.Datetime(
        string="Viewing Appointment", help="The visit a call made an appointment for."
    )
    registration_date = fields.Date(readonly=True, copy=False, index=True)
    protection_until = fields.Date(
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
        help="The customer belongs to the consultant before this day; from this day on "
        "they are in the project's public pool.",
    )
    protection_days_left = fields.Integer(
        string="Protection Days Left", compute="_compute_protection"
    )
    in_pool = fields.Boolean(
        string="In Public Pool", compute="_compute_protection", search="_search_in_pool"
    )
    split_user_id = fields.Many2one(
        "res.users",
        string="Shared With",
        readonly=True,
        tracking=True,
        help="The consultant the Marketing Manager split this deal with.",
    )
    contact_ids = fields.One2many("property.lead.contact", "lead_id", string="Contacts")
    deposit_count = fields.Integer(compute="_compute_sales_counts")
    lock_count = fields.Integer(compute="_compute_sales_counts")
    subscription_count = fields.Integer(compute="_compute_sales_counts")

    def init(self):
        """V2: one lead per phone and project, also when two desks register at once."""
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS crm_lead_project_phone_uniq "
                "ON crm_lead (project_id, phone_sanitized) "
                "WHERE project_id IS NOT NULL AND phone_sanitized IS NOT NULL AND active"
            )
        )

    # ------------------------------------------------------------------
    # COMPUTE METHODS
    # ------------------------------------------------------------------
    @api.depends("protection_until", "project_id", "stage_id.is_won", "active")
    @api.depends_context("tz")
    def _compute_protection(self):
        today = fields.Date.context_today(self)
        for lead in self:
            until = lead.protection_until
            lead.protection_days_left = max((until - today).days, 0) if until else 0
            lead.in_pool = bool(
                lead.project_id
                and until
                and until <= today
                and lead.active
                and not lead.stage_id.is_won
            )

    def _search_in_pool(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("The public pool can only be searched as true or false."))
        today = fields.Date.context_today(self)
        domain = [
            ("project_id", "!=", False),
            ("protection_until", "<=", today),
            ("stage_id.is_won", "!=", True),
        ]
        if (operator == "=") == value:
            return domain
        return ["!", "&", "&", *domain]

    def _compute_sales_counts(self):
        pairs = [
            ("partner_id", "in", self.partner_id.ids),
            ("project_id", "in", self.project_id.ids),
        ]
        counts = {}
        for model, field in (
            ("property.deposit", "deposit_count"),
            ("property.unit.lock", "lock_count"),
        ):
            counts[field] = dict(
                ((partner.id, project.id), count)
                for partner, project, count in self.env[model]._read_group(
                    pairs, ["partner_id", "project_id"], ["__count"]
                )
            )
        subscriptions = dict(
            self.env["property.subscription"]._read_group(
                [("lead_id", "in", self.ids)], ["lead_id"], ["__count"]
            )
        )
        for lead in self:
            key = (lead.partner_id.id, lead.project_id.id)
            lead.deposit_count = counts["deposit_count"].get(key, 0) if lead.partner_id else 0
            lead.lock_count = counts["lock_count"].get(key, 0) if lead.partner_id else 0
            lead.subscription_count = subscriptions.get(lead, 0)

    # ------------------------------------------------------------------
    # CRUD METHODS
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not vals.get("project_id"):
                continue
            project = self.env["property.project"].browse(vals["project_id"])
            # phones are sanitized in the project's country, as the duplicate check does
            vals.setdefault("country_id", self._phone_country(project).id)
            if vals.get("phone") and not in_workflow_action(self.env):
                owner = self._phone_owner(project, vals["phone"])
                if owner:
                    raise UserError(owner._collision_message())
        leads = super().create(vals_list)
        leads.filtered(
            lambda lead: lead.project_id and not lead.registration_date
        )._start_protection()
        return leads

    def write(self, vals):
        if "user_id" in vals and not in_workflow_action(self.env):
            moved = self.filtered(
                lambda lead: lead.project_id and lead.user_id.id != vals["user_id"]
            )
            if moved:
                raise UserError(
                    self.env._(
                        "%(lead)s belongs to %(owner)s under customer protection: take it "
                        "from the public pool, or ask the Marketing Manager to reassign it.",
                        lead=moved[0].display_name,
                        owner=moved[0].user_id.name or "-",
                    )
                )
        return super().write(vals)

    # ------------------------------------------------------------------
    # ACTION METHODS
    # ------------------------------------------------------------------
    def action_take_from_pool(self):
        """V2: any consultant may take a customer of the public pool; a new protection
        period starts for them."""
        self._check_role(CONSULTANT_GROUP)
        for lead in self:
            if not lead.in_pool:
                raise UserError(
                    self.env._(
                        "%(lead)s is not in the public pool: it belongs to %(owner)s for "
                        "%(days)s more day(s).",
                        lead=lead.display_name,
                        owner=lead.user_id.name or "-",
                        days=lead.protection_days_left,
                    )
                )
        for lead in self:
            previous = lead.user_id
            lead._protect_for(self.env.user, lead.contact_kind or "call")
            lead.message_post(
                body=self.env._(
                    "Taken from the public pool by %(user)s (previously %(previous)s).",
                    user=self.env.user.name,
                    previous=previous.name or "-",
                )
            )
        return True

    def action_open_followup(self):
        self.ensure_one()
        self._check_role(CONSULTANT_GROUP)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Log Follow-up"),
            "res_model": "property.lead.followup",
            "view_mode": "form",
            "target": "new",
            "context": {"default_lead_id": self.id},
        }

    def action_open_reassign(self):
        self.ensure_one()
        self._check_role(MANAGER_GROUP)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reassign or Split"),
            "res_model": "property.lead.reassign",
            "view_mode": "form",
            "target": "new",
            "context": {"default_lead_id": self.id},
        }

    def action_new_deposit(self):
        """V1: the lead moves on to a deposit of property_sales for its customer."""
        self.ensure_one()
        self._check_role(CONSULTANT_GROUP)
        if not self.partner_id:
            self._handle_partner_assignment(create_missing=True)
        return {
            "type": "ir.actions.act_window",
            "res_model": "property.deposit",
            "view_mode": "form",
            "context": {
                "default_project_id": self.project_id.id,
                "default_partner_id": self.partner_id.id,
            },
        }

    def _sales_documents_action(self, xmlid, domain):
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["domain"] = domain
        action["context"] = {}
        return action

    def action_view_deposits(self):
        self.ensure_one()
        return self._sales_documents_action(
            "property_sales.property_deposit_action",
            [("partner_id", "=", self.partner_id.id), ("project_id", "=", self.project_id.id)],
        )

    def action_view_locks(self):
        self.ensure_one()
        return self._sales_documents_action(
            "property_sales.property_unit_lock_action",
            [("partner_id", "=", self.partner_id.id), ("project_id", "=", self.project_id.id)],
        )

    def action_view_subscriptions(self):
        self.ensure_one()
        return self._sales_documents_action(
            "property_sales.property_subscription_action", [("lead_id", "=", self.id)]
        )

    # ------------------------------------------------------------------
    # BUSINESS METHODS: the names integrators call over XML-RPC
    # ------------------------------------------------------------------
    @api.model
    def register_contact(self, vals):
        """V1/V2: register a call or a visit of a project's sales office.

        ``vals``: ``project_id``, ``contact_name``, ``phone``, ``contact_kind`` (``call`` or
        ``visit``), ``source_id`` (utm.source), ``user_id`` (the consultant, default the
        caller; only the Project Secretary and the Marketing Manager register for someone
        else), optionally ``budget``, ``wanted_layout``, ``wanted_area``, ``appointment_at``,
        ``description``.

        Returns the id of the lead the contact was logged on: a new lead protected for the
        consultant, or the lead that already holds the phone in the project (the contact is
        logged there; a lead in the public pool is taken by the consultant)."""
        self._check_role(CONSULTANT_GROUP)
        vals = self._check_register_vals(vals)
        project = self.env["property.project"].browse(vals["project_id"])
        owner = self._phone_owner(project, vals["phone"])
        if owner:
            return owner._register_again(vals)
        try:
            with self.env.cr.savepoint(), workflow_action():
                lead = self.create(self._prepare_registration(vals, project))
                lead.flush_recordset()
        except UniqueViolation:
            # Another desk registered the same phone at the same moment (V2).
            owner = self._phone_owner(project, vals["phone"])
            return owner._register_again(vals)
        return lead.id

    @api.model
    def check_phone(self, project_id, phone):
        """V2: who holds this phone in the project. Returns ``{"owner": name, "days_left":
        int, "phone": "138****1234", "in_pool": bool}`` (the owner's name, the days of
        protection left and the masked phone; nothing else of the customer), or ``False``."""
        self._check_role(CONSULTANT_GROUP)
        project = self.env["property.project"].browse(project_id).exists()
        owner = project and self._phone_owner(project, phone)
        if not owner:
            return False
        return {
            "owner": owner.user_id.name or "",
            "days_left": owner.protection_days_left,
            "phone": mask_phone(owner.phone_sanitized or owner.phone),
            "in_pool": owner.in_pool,
        }

    # ------------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------------
    @api.model
    def _phone_country(self, project):
        return project.phone_country_id or self.env.ref("base.cn")

    @api.model
    def _phone_key(self, project, phone):
        """The phone as Odoo sanitizes it on the lead (E.164 in the project's country)."""
        return self._phone_format(
            number=phone, country=self._phone_country(project), force_format="E164"
        )

    @api.model
    def _phone_owner(self, project, phone):
        """V2: the (active) lead holding this phone in the project, with superuser rights;
        one indexed query whatever the number of leads."""
        key = self._phone_key(project, phone)
        if not key:
            return self.browse()
        return self.sudo().search(
            [("project_id", "=", project.id), ("phone_sanitized", "=", key)], limit=1
        )

    @api.model
    def _check_register_vals(self, vals):
        unknown = set(vals) - REGISTER_KEYS
        if unknown:
            raise UserError(
                self.env._(
                    "Unknown registration field(s): %(fields)s.", fields=", ".join(sorted(unknown))
                )
            )
        vals = dict(vals)
        if not vals.get("project_id") or not (
            self.env["property.project"].browse(vals["project_id"]).exists()
        ):
            raise UserError(self.env._("Choose the project the customer called or visited."))
        if vals.get("contact_kind") not in dict(CONTACT_KIND):
            raise UserError(self.env._("Say whether the customer called or visited."))
        if not vals.get("contact_name"):
            raise UserError(self.env._("Enter the customer's name."))
        project = self.env["property.project"].browse(vals["project_id"])
        if not vals.get("phone") or not self._phone_key(project, vals["phone"]):
            raise UserError(
                self.env._(
                    "Enter a valid phone number for %(name)s (given: %(phone)s).",
                    name=vals["contact_name"],
                    phone=vals.get("phone") or "-",
                )
            )
        vals.setdefault("user_id", self.env.uid)
        if not vals["user_id"]:
            vals["user_id"] = self.env.uid
        if vals["user_id"] != self.env.uid:
            self._check_role(*REGISTER_GROUPS)
        return vals

    @api.model
    def _prepare_registration(self, vals, project):
        return {
            **vals,
            "name": vals["contact_name"],
            "type": "opportunity",
            "country_id": self._phone_country(project).id,
            "company_id": project.company_id.id,
        }

    def _start_protection(self):
        """V1/V2: a new lead's protection, its register line and its follow-up call."""
        now = fields.Datetime.now()
        for lead in self:
            kind = lead.contact_kind or "call"
            lead._protect_for(lead.user_id or self.env.user, kind, registration=True)
            lead._log_contact(kind, lead.user_id, registration=True, when=now)

    def _protect_for(self, user, kind, registration=False):
        """V2: the lead belongs to user from today for the period of a call or a visit."""
        today = fields.Date.context_today(self)
        vals = {
            "user_id": user.id,
            "protection_until": today + timedelta(days=self.project_id._protection_days(kind)),
        }
        if registration:
            vals["registration_date"] = today
        self.sudo()._workflow_write(vals)
        self._schedule_followup(user)

    def _renew_protection(self, kind, day):
        """V2: an effective follow-up renews the protection from its day (never shortens)."""
        until = day + timedelta(days=self.project_id._protection_days(kind))
        if not self.protection_until or until > self.protection_until:
            self.sudo()._workflow_write({"protection_until": until})

    def _schedule_followup(self, user):
        """V1: the follow-up call is due within the project's delay (default 24 hours)."""
        activity_type = self.env.ref("property_crm.mail_activity_followup")
        due = fields.Datetime.now() + timedelta(hours=self.project_id.followup_hours or 24)
        deadline = fields.Date.context_today(self.with_user(user), timestamp=due)
        summary = self.with_context(lang=user.lang).env._("Call the customer back")
        self.sudo().activity_schedule(
            activity_type_id=activity_type.id,
            date_deadline=deadline,
            user_id=user.id,
            summary=summary,
        )

    def _log_contact(
        self,
        kind,
        user,
        answered=True,
        registration=False,
        collision=False,
        when=None,
        note=False,
        source=False,
    ):
        """V1: a line of the visitor register; an effective one (a visit or an answered
        call of the owner) renews the protection (V2)."""
        self.ensure_one()
        when = when or fields.Datetime.now()
        contact = (
            self.env["property.lead.contact"]
            .sudo()
            .create(
                {
                    "lead_id": self.id,
                    "date": when,
                    "user_id": user.id,
                    "contact_kind": kind,
                    "answered": answered or kind == "visit",
                    "registration": registration,
                    "collision": collision,
                    "contact_name": self.contact_name or self.name,
                    "phone_display": mask_phone(self.phone) if collision else self.phone,
                    "source_id": (source or self.source_id).id,
                    "note": note,
                }
            )
        )
        if contact.effective and not collision and not registration:
            day = fields.Date.context_today(self, timestamp=when)
            self._renew_protection(kind, day)
        return contact

    def _register_again(self, vals):
        """V2: a second registration of the phone is logged on this (the owner's) lead."""
        self.ensure_one()
        lead = self.sudo()
        user = self.env["res.users"].browse(vals["user_id"])
        kind = vals["contact_kind"]
        source = self.env["utm.source"].browse(vals.get("source_id"))
        if lead.in_pool:
            lead._protect_for(user, kind)
            lead._log_contact(kind, user, registration=True, source=source)
            lead.message_post(
                body=self.env._(
                    "Registered again by %(user)s: taken from the public pool.", user=user.name
                )
            )
        elif lead.user_id == user:
            lead._log_contact(kind, user, source=source)
        else:
            lead._log_contact(kind, user, collision=True, source=source)
            lead.message_post(
                body=self.env._(
                    "Collision: %(user)s registered this customer again (%(kind)s, given "
                    "name %(name)s); the customer stays with %(owner)s.",
                    user=user.name,
                    kind=dict(self._fields["contact_kind"]._description_selection(self.env))[kind],
                    name=vals.get("contact_name") or "-",
                    owner=lead.user_id.name or "-",
                ),
                partner_ids=lead.user_id.partner_id.ids,
            )
        return self.id

    def _collision_message(self):
        """V2: what a colliding consultant may see: the owner, the days left, the masked
        phone; nothing else of the customer."""
        self.ensure_one()
        if self.in_pool:
            return self.env._(
                "Phone %(phone)s is already registered in this project and is in the public "
                "pool: take it from the pool.",
                phone=mask_phone(self.phone_sanitized or self.phone),
            )
        return self.env._(
            "Phone %(phone)s already belongs to %(owner)s for %(days)s more day(s): the "
            "contact is logged on their customer, not duplicated.",
            phone=mask_phone(self.phone_sanitized or self.phone),
            owner=self.user_id.name or "-",
            days=self.protection_days_left,
        )

    def _log_followup(self, kind, answered, note=False):
        """V1/V2: the owner logs a follow-up; a visit or an answered call renews the
        protection from today and closes the due follow-up."""
        self.ensure_one()
        manager = self.env.user.has_group(MANAGER_GROUP)
        if self.in_pool:
            raise UserError(
                self.env._(
                    "%(lead)s is in the public pool: take it from the pool first.",
                    lead=self.display_name,
                )
            )
        if self.user_id != self.env.user and not manager:
            raise UserError(
                self.env._(
                    "Only %(owner)s follows %(lead)s up.",
                    owner=self.user_id.name or "-",
                    lead=self.display_name,
                )
            )
        contact = self._log_contact(kind, self.user_id, answered=answered, note=note)
        if contact.effective:
            activity_type = self.env.ref("property_crm.mail_activity_followup")
            self.activity_ids.filtered(
                lambda act: act.activity_type_id == activity_type
            ).sudo().action_feedback(feedback=note or "")
        return contact

    def _reassign(self, user, reason, split=False):
        """V2: the Marketing Manager settles a collision: reassign the customer (a new
        protection period starts) or split the deal with a second consultant."""
        self._check_role(MANAGER_GROUP)
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason of the reassignment or split."))
        for lead in self:
            previous = lead.user_id
            if split:
                lead._workflow_write({"split_user_id": user.id})
                body = self.env._(
                    "Deal split between %(owner)s and %(user)s by %(manager)s. Reason: "
                    "%(reason)s",
                    owner=previous.name or "-",
                    user=user.name,
                    manager=self.env.user.name,
                    reason=reason,
                )
            else:
                with workflow_action():
                    lead._protect_for(user, lead.contact_kind or "call")
                body = self.env._(
                    "Reassigned from %(owner)s to %(user)s by %(manager)s. Reason: %(reason)s",
                    owner=previous.name or "-",
                    user=user.name,
                    manager=self.env.user.name,
                    reason=reason,
                )
            lead.message_post(body=body)
        return True

    def _mark_subscribed(self):
        """V1: a subscription wins its lead."""
        won = self.sudo().filtered(lambda lead: not lead.stage_id.is_won)
        if won:
            with workflow_action():
                won.action_set_won()

    def _demo_backdate(self, when, contact=None):
        """Demo data only: date a registration (or one follow-up) back to when it happened,
        with its protection and follow-up due date."""
        self.ensure_one()
        day = fields.Date.context_today(self, timestamp=when)
        period = timedelta(days=self.project_id._protection_days(self.contact_kind))
        if contact:
            period = timedelta(days=self.project_id._protection_days(contact.contact_kind))
            contact.sudo().write({"date": when})
            self.sudo()._workflow_write({"protection_until": day + period})
            return
        self.contact_ids.filtered("registration").sudo().write({"date": when})
        self.sudo()._workflow_write({"registration_date": day, "protection_until": day + period})
        self.activity_ids.sudo().write({"date_deadline": day + timedelta(days=1)})
