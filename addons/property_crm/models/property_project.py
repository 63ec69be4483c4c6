import base64
from datetime import timedelta

from odoo import api, fields, models

# Subscriptions that count as sales (R1, X1): signed and not cancelled or returned.
SOLD_STATES = ("temporary", "confirmed", "contracted")


class PropertyProject(models.Model):
    """The project's visitor-register rules: follow-up delay (V1) and protection periods
    (V2)."""

    _inherit = "property.project"

    _sql_constraints = (
        (
            "protection_days_positive",
            "CHECK(call_protection_days > 0 AND visit_protection_days > 0)",
            "The protection periods must be at least one day.",
        ),
        (
            "followup_hours_positive",
            "CHECK(followup_hours > 0)",
            "The follow-up delay must be at least one hour.",
        ),
    )

    # ------------------------------------------------------------------
    # FIELDS
    # ------------------------------------------------------------------
    call_protection_days = fields.Integer(
        string="Protection after a Call (days)",
        default=15,
        required=True,
        tracking=True,
        help="A caller belongs to the consultant who registered them for this many days.",
    )
    visit_protection_days = fields.Integer(
        string="Protection after a Visit (days)",
        default=7,
        required=True,
        tracking=True,
        help="A visitor belongs to the consultant who registered them for this many days.",
    )
    followup_hours = fields.Integer(
        string="Follow-up Due (hours)",
        default=24,
        required=True,
        tracking=True,
        help="The consultant calls a new contact back within this many hours.",
    )
    phone_country_id = fields.Many2one(
        "res.country",
        string="Phone Country",
        default=lambda self: self.env.ref("base.cn", raise_if_not_found=False),
        help="Visitors' phones are compared as Odoo sanitizes them in this country.",
    )
    lead_count = fields.Integer(string="Registered Customers", compute="_compute_lead_count")

    # ------------------------------------------------------------------
    # COMPUTE METHODS
    # ------------------------------------------------------------------
    @api.depends("call_protection_days")
    def _compute_lead_count(self):
        counts = dict(
            self.env["crm.lead"]._read_group(
                [("project_id", "in", self.ids)], ["project_id"], ["__count"]
            )
        )
        for project in self:
            project.lead_count = counts.get(project, 0)

    # ------------------------------------------------------------------
    # BUSINESS METHODS
    # ------------------------------------------------------------------
    def _protection_days(self, contact_kind):
        """V2: the protection period a call or a visit gives."""
        self.ensure_one()
        if contact_kind == "visit":
            return self.visit_protection_days
        return self.call_protection_days

    def action_view_leads(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("property_crm.crm_lead_action")
        action["domain"] = [("project_id", "=", self.id)]
        action["context"] = {"default_project_id": self.id}
        return action

    def _demo_visitor_story(self):
        """Demo data: a month of calls and visits of two projects by the demo consultants,
        through register_contact, dated back day by day; with collisions (the same phone
        registered by the other consultant), effective follow-ups and a public pool."""
        Lead = self.env["crm.lead"]
        consultants = [
            self.env.ref(f"property_sales.demo_user_{x}") for x in ("consultant", "consultant2")
        ]
        sources = [
            self.env.ref(f"property_crm.utm_source_{x}")
            for x in ("signboard", "newspaper", "online", "referral", "passing_by")
        ]
        surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
        given = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超"
        layouts = ["3室2厅2卫", "2室2厅1卫", "4室2厅2卫"]
        now = fields.Datetime.now()
        today = fields.Date.context_today(self)
        seq = 0
        for project_index, project in enumerate(self):
            for day in range(30, 0, -1):
                for slot in range(2 if day % 3 else 1):
                    seq += 1
                    user = consultants[(seq + project_index) % 2]
                    kind = "visit" if seq % 3 == 0 else "call"
                    when = now - timedelta(days=day, hours=-slot)
                    phone = f"139{project_index}{seq:03d}{(seq * 37) % 10000:04d}"
                    vals = {
                        "project_id": project.id,
                        "contact_name": surnames[seq % 20] + given[(seq * 7) % 18],
                        "phone": phone,
                        "contact_kind": kind,
                        "source_id": sources[seq % 5].id,
                        "budget": 1500000 + (seq % 6) * 250000,
                        "wanted_layout": layouts[seq % 3],
                        "wanted_area": [128.37, 89.05, 143.6][seq % 3],
                    }
                    if kind == "call":
                        vals["appointment_at"] = when + timedelta(days=2)
                    lead = Lead.browse(Lead.with_user(user).register_contact(vals)).sudo()
                    followup = collision = None
                    if seq % 4 == 0 and day > 2:
                        # an effective follow-up two days later renews the protection
                        followup = lead.with_user(user)._log_followup("call", True)
                    if seq % 7 == 0:
                        # 撞单: the other consultant registers the same phone again
                        other = consultants[(seq + project_index + 1) % 2]
                        Lead.with_user(other).register_contact(dict(vals, contact_kind="visit"))
                        collision = lead.contact_ids.filtered("collision")
                    lead._demo_backdate(when)
                    if followup:
                        lead._demo_backdate(when + timedelta(days=2), followup)
                    if collision:
                        collision.write({"date": when + timedelta(days=1)})
        return today

    def _sales_amounts(self, date_from, date_to):
        """The projects' sales between two dates (both included): the price of their
        subscriptions (认购) signed in the period that are still standing (temporary,
        confirmed or contracted), as ``{project_id: amount}``; one SQL GROUP BY. Used by
        the sales reports (R1) and the marketing budget ceiling (X1)."""
        groups = (
            self.env["property.subscription"]
            .sudo()
            ._read_group(
                [
                    ("project_id", "in", self.ids),
                    ("state", "in", SOLD_STATES),
                    ("date_subscription", ">=", date_from),
                    ("date_subscription", "<=", date_to),
                ],
                ["project_id"],
                ["price:sum"],
            )
        )
        return {project.id: amount for project, amount in groups}

    @api.model
    def _cron_post_weekly_report(self):
        """R1: on Monday morning, post last week's report (XLSX) to each project's chatter
        for the marketing team (the Marketing Managers and the Project Secretaries)."""
        today = fields.Date.context_today(self)
        report = self.env.ref("property_crm.property_sales_report_xlsx")
        groups = self.env.ref("property_sales.group_marketing_manager") | self.env.ref(
            "property_sales.group_project_secretary"
        )
        team = groups.sudo().users.filtered(lambda user: not user._is_superuser()).partner_id
        date_from, date_to = self.env["property.sales.analysis"]._report_period("weekly", today)
        for project in self.search([]):
            content, _kind = self.env["ir.actions.report"]._render_xlsx(
                report.report_name, project.ids, {"kind": "weekly", "date": str(today)}
            )
            attachment = self.env["ir.attachment"].create(
                {
                    "name": f"{project.code}-{date_from}-{date_to}.xlsx",
                    "datas": base64.b64encode(content),
                    "res_model": project._name,
                    "res_id": project.id,
                }
            )
            project.message_post(
                body=self.env._(
                    "Weekly report for the Monday meeting: %(date_from)s – %(date_to)s.",
                    date_from=date_from,
                    date_to=date_to,
                ),
                attachment_ids=attachment.ids,
                partner_ids=team.ids,
                subtype_xmlid="mail.mt_comment",
            )
        return True
