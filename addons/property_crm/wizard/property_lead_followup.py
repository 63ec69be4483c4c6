from odoo import fields, models

from ..models.crm_lead import CONTACT_KIND


class PropertyLeadFollowup(models.TransientModel):
    """V1/V2: the consultant logs a follow-up call or a visit of their customer."""

    _name = "property.lead.followup"
    _description = "Log a Follow-up"

    lead_id = fields.Many2one("crm.lead", required=True)
    contact_kind = fields.Selection(
        CONTACT_KIND, string="Call or Visit", required=True, default="call"
    )
    answered = fields.Boolean(default=True, help="Untick for a missed call.")
    note = fields.Text()

    def action_log(self):
        self.ensure_one()
        self.lead_id._log_followup(self.contact_kind, self.answered, self.note)
        return {"type": "ir.actions.act_window_close"}
