from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)

MANAGER = "sales_team.group_sale_manager"
AGENCIES_INVITED = 3
PROPOSAL_DAYS = 21
# (summary, days before the launch date)
CHECKLIST = [
    (_lt("Venue booked"), 45),
    (_lt("Media and influencer invitation list"), 30),
    (_lt("On-site video 1"), 0),
    (_lt("On-site video 2"), 0),
    (_lt("On-site video 3"), 0),
    (_lt("On-site video 4"), 0),
    (_lt("Rehearsal"), 1),
]


class SalesLaunchEvent(models.Model):
    """A product launch event (新品发布会) project: the launch at least 3 months after the
    project starts, three agencies invited to pitch with the first proposal due 3 weeks
    after they are engaged, one chosen, every agency that pitched paid its pitch fee by a
    vendor bill, and the on-site checklist as activities with deadlines."""

    _name = "sales.launch.event"
    _inherit = ["mail.thread", "mail.activity.mixin", "marketing.workflow.mixin"]
    _description = "Product Launch Event"
    _order = "launch_date desc, id desc"
    _workflow_fields = {
        "state": _lt("the Engage Agencies, Choose Agency and Done buttons"),
        "date_engaged": _lt("the Engage Agencies button"),
        "chosen_agency_id": _lt("the Choose button of an agency"),
    }

    name = fields.Char(required=True, tracking=True)
    product_id = fields.Many2one("product.product", string="Product Launched")
    user_id = fields.Many2one(
        "res.users", string="Project Manager", default=lambda self: self.env.user, required=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    date_start = fields.Date(
        string="Project Start", required=True, default=fields.Date.context_today, tracking=True
    )
    launch_date = fields.Date(required=True, tracking=True)
    venue = fields.Char()
    agency_ids = fields.One2many("sales.launch.agency", "event_id", string="Agencies")
    date_engaged = fields.Date(string="Agencies Engaged On", readonly=True, copy=False)
    proposal_due_date = fields.Date(
        string="First Proposal Due", compute="_compute_proposal_due_date", store=True
    )
    chosen_agency_id = fields.Many2one("sales.launch.agency", readonly=True, copy=False)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("pitching", "Agencies Pitching"),
            ("preparation", "In Preparation"),
            ("done", "Done"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    bill_ids = fields.Many2many(
        "account.move", string="Pitch Fee Bills", compute="_compute_bill_ids"
    )

    @api.constrains("date_start", "launch_date")
    def _check_launch_date(self):
        for event in self:
            earliest = event.date_start + relativedelta(months=3)
            if event.launch_date < earliest:
                raise ValidationError(
                    self.env._(
                        "The launch date of %(event)s must be at least 3 months after the "
                        "project starts: on or after %(earliest)s.",
                        event=event.name,
                        earliest=earliest,
                    )
                )

    @api.depends("date_engaged")
    def _compute_proposal_due_date(self):
        for event in self:
            event.proposal_due_date = event.date_engaged and event.date_engaged + timedelta(
                days=PROPOSAL_DAYS
            )

    def _compute_bill_ids(self):
        for event in self:
            event.bill_ids = event.agency_ids.bill_id

    def action_engage_agencies(self):
        """Three agencies invited to pitch: the first proposal is due in 3 weeks."""
        self._check_role(MANAGER)
        for event in self:
            if event.state != "draft":
                raise UserError(self.env._("%(event)s is not a draft.", event=event.name))
            if len(event.agency_ids) != AGENCIES_INVITED:
                raise UserError(
                    self.env._(
                        "Invite exactly %(count)s agencies to pitch for %(event)s (now "
                        "%(invited)s).",
                        count=AGENCIES_INVITED,
                        event=event.name,
                        invited=len(event.agency_ids),
                    )
                )
            event._workflow_write(
                {"state": "pitching", "date_engaged": fields.Date.context_today(self)}
            )
            for agency in event.agency_ids:
                event.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=event.proposal_due_date,
                    user_id=event.user_id.id,
                    summary=self.env._(
                        "First proposal of %(agency)s", agency=agency.partner_id.name
                    ),
                )
        return True

    def _choose(self, agency):
        """The chosen agency runs the event; every agency that pitched gets its fee."""
        self.ensure_one()
        self._check_role(MANAGER)
        if self.state != "pitching":
            raise UserError(self.env._("Agencies of %(event)s are not pitching.", event=self.name))
        if not agency.date_proposal:
            raise UserError(
                self.env._(
                    "%(agency)s has not pitched: record its proposal date first.",
                    agency=agency.partner_id.name,
                )
            )
        self._workflow_write({"state": "preparation", "chosen_agency_id": agency.id})
        self.agency_ids.filtered("date_proposal")._bill_pitch_fee()
        self._schedule_checklist()

    def _schedule_checklist(self):
        for summary, days_before in CHECKLIST:
            self.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=self.launch_date - timedelta(days=days_before),
                user_id=self.user_id.id,
                summary=summary._translate(self.env.lang or "en_US"),
            )

    def action_done(self):
        self._check_role(MANAGER)
        if self.filtered(lambda e: e.state != "preparation"):
            raise UserError(self.env._("Only an event in preparation can be done."))
        self._workflow_write({"state": "done"})
        return True

    def action_cancel(self):
        self._check_role(MANAGER)
        self._workflow_write({"state": "cancel"})
        return True

    def action_view_bills(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "account.action_move_in_invoice_type"
        )
        action["domain"] = [("id", "in", self.bill_ids.ids)]
        return action
