from odoo import api, fields, models

from .crm_lead import CONTACT_KIND


class PropertyLeadContact(models.Model):
    """A line of the visitor register (来电/来访客户登记表, V1): every call and visit, the
    first registration, a repeat registration (a collision when another consultant holds
    the customer, V2) and each follow-up. Written by the lead's methods only."""

    _name = "property.lead.contact"
    _description = "Visitor Register Line"
    _order = "date desc, id desc"
    _check_company_auto = True

    # ------------------------------------------------------------------
    # FIELDS
    # ------------------------------------------------------------------
    lead_id = fields.Many2one(
        "crm.lead", string="Customer", required=True, ondelete="cascade", index=True
    )
    project_id = fields.Many2one(related="lead_id.project_id", store=True, index=True)
    company_id = fields.Many2one(related="lead_id.company_id", store=True)
    date = fields.Datetime(required=True, default=fields.Datetime.now, index=True)
    day = fields.Date(compute="_compute_day", store=True, index=True)
    user_id = fields.Many2one("res.users", string="Consultant", required=True, index=True)
    contact_kind = fields.Selection(CONTACT_KIND, string="Call or Visit", required=True)
    answered = fields.Boolean(default=True, help="False for a missed call.")
    registration = fields.Boolean(help="The first registration of the customer.")
    collision = fields.Boolean(
        help="Registered by a consultant while the customer belonged to another (撞单)."
    )
    effective = fields.Boolean(
        compute="_compute_effective",
        store=True,
        help="A visit or an answered call; renews the protection when the owner makes it.",
    )
    contact_name = fields.Char(string="Name")
    phone_display = fields.Char(string="Phone")
    source_id = fields.Many2one("utm.source", string="Source")
    # The customer's details, blank on a collision line (its consultant sees no more
    # than the owner's name, the days left and the masked phone, V2).
    budget = fields.Monetary(compute="_compute_lead_details", compute_sudo=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    wanted_layout = fields.Char(compute="_compute_lead_details", compute_sudo=True)
    wanted_area = fields.Float(compute="_compute_lead_details", compute_sudo=True)
    appointment_at = fields.Datetime(
        string="Viewing Appointment", compute="_compute_lead_details", compute_sudo=True
    )
    note = fields.Text()

    # ------------------------------------------------------------------
    # COMPUTE METHODS
    # ------------------------------------------------------------------
    @api.depends("date")
    def _compute_day(self):
        for contact in self:
            contact.day = fields.Date.context_today(contact, timestamp=contact.date)

    @api.depends(
        "collision",
        "lead_id.budget",
        "lead_id.wanted_layout",
        "lead_id.wanted_area",
        "lead_id.appointment_at",
    )
    def _compute_lead_details(self):
        for contact in self:
            lead = contact.lead_id if not contact.collision else contact.lead_id.browse()
            contact.budget = lead.budget
            contact.wanted_layout = lead.wanted_layout
            contact.wanted_area = lead.wanted_area
            contact.appointment_at = lead.appointment_at

    @api.depends("contact_kind", "answered")
    def _compute_effective(self):
        for contact in self:
            contact.effective = contact.contact_kind == "visit" or contact.answered
