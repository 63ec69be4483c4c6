from odoo import api, fields, models

from ..models.crm_lead import CONTACT_KIND


class PropertyLeadRegister(models.TransientModel):
    """V1: the register desk: a call or a visit typed in once; a phone another consultant
    holds is shown masked before saving (V2)."""

    _name = "property.lead.register"
    _description = "Register a Call or a Visit"

    project_id = fields.Many2one("property.project", string="Project", required=True)
    contact_kind = fields.Selection(
        CONTACT_KIND, string="Call or Visit", required=True, default="visit"
    )
    contact_name = fields.Char(string="Name", required=True)
    phone = fields.Char(required=True)
    source_id = fields.Many2one(
        "utm.source", string="Source", domain="[('sales_office_channel', '=', True)]"
    )
    budget = fields.Monetary(currency_field="currency_id")
    currency_id = fields.Many2one(related="project_id.currency_id")
    wanted_layout = fields.Char(string="Wanted Layout")
    wanted_area = fields.Float(string="Wanted Area (㎡)", digits=(10, 2))
    appointment_at = fields.Datetime(string="Viewing Appointment")
    user_id = fields.Many2one(
        "res.users", string="Consultant", required=True, default=lambda self: self.env.user
    )
    note = fields.Text()
    collision_message = fields.Char(compute="_compute_collision_message")

    @api.depends("project_id", "phone")
    def _compute_collision_message(self):
        Lead = self.env["crm.lead"]
        for wizard in self:
            owner = (
                wizard.project_id
                and wizard.phone
                and Lead._phone_owner(wizard.project_id, wizard.phone)
            )
            if owner and owner.user_id != wizard.user_id:
                wizard.collision_message = owner._collision_message()
            else:
                wizard.collision_message = False

    def action_register(self):
        self.ensure_one()
        vals = {
            "project_id": self.project_id.id,
            "contact_kind": self.contact_kind,
            "contact_name": self.contact_name,
            "phone": self.phone,
            "source_id": self.source_id.id,
            "user_id": self.user_id.id,
            "budget": self.budget,
            "wanted_layout": self.wanted_layout,
            "wanted_area": self.wanted_area,
            "appointment_at": self.appointment_at,
            "description": self.note,
        }
        lead = self.env["crm.lead"].browse(self.env["crm.lead"].register_contact(vals))
        if lead.user_id == self.env.user or lead.has_access("read"):
            return {
                "type": "ir.actions.act_window",
                "res_model": "crm.lead",
                "res_id": lead.id,
                "view_mode": "form",
            }
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "warning",
                "sticky": True,
                "message": self.env._(
                    "The contact was logged on the customer of %(owner)s (phone %(phone)s).",
                    owner=lead.sudo().user_id.name,
                    phone=self.env["crm.lead"].check_phone(self.project_id.id, self.phone)["phone"],
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
