from odoo import api, fields, models
from odoo.exceptions import UserError


class SalesLaunchAgency(models.Model):
    _name = "sales.launch.agency"
    _description = "Launch Event Agency"
    _order = "event_id, id"

    event_id = fields.Many2one("sales.launch.event", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="event_id.company_id", store=True)
    currency_id = fields.Many2one(related="event_id.currency_id")
    partner_id = fields.Many2one("res.partner", string="Agency", required=True)
    pitch_fee = fields.Monetary(required=True)
    date_proposal = fields.Date(string="Proposal Received On")
    proposal_late = fields.Boolean(compute="_compute_proposal_late")
    chosen = fields.Boolean(compute="_compute_chosen")
    bill_id = fields.Many2one("account.move", string="Pitch Fee Bill", readonly=True, copy=False)

    _sql_constraints = [
        ("partner_uniq", "unique(event_id, partner_id)", "An agency is invited once."),
        ("fee_positive", "CHECK(pitch_fee > 0)", "The pitch fee must be positive."),
    ]

    @api.depends("date_proposal", "event_id.proposal_due_date")
    def _compute_proposal_late(self):
        for agency in self:
            due = agency.event_id.proposal_due_date
            agency.proposal_late = bool(due and agency.date_proposal and agency.date_proposal > due)

    def _compute_chosen(self):
        for agency in self:
            agency.chosen = agency.event_id.chosen_agency_id == agency

    def write(self, vals):
        if {"partner_id", "pitch_fee"} & set(vals) and self.filtered(
            lambda a: a.event_id.state != "draft"
        ):
            raise UserError(self.env._("Agencies and their fees are fixed once they are engaged."))
        return super().write(vals)

    def action_choose(self):
        self.ensure_one()
        self.event_id._choose(self)
        return True

    def _bill_pitch_fee(self):
        """One posted vendor bill per agency that pitched, chosen or not."""
        Move = self.env["account.move"].sudo()
        for agency in self.filtered(lambda a: not a.bill_id):
            event = agency.event_id
            bill = Move.with_company(event.company_id).create(
                {
                    "move_type": "in_invoice",
                    "partner_id": agency.partner_id.id,
                    "invoice_date": fields.Date.context_today(self),
                    "ref": event.name,
                    "invoice_line_ids": [
                        (
                            0,
                            0,
                            {
                                "name": self.env._("Pitch fee — %(event)s", event=event.name),
                                "quantity": 1,
                                "price_unit": agency.pitch_fee,
                                "tax_ids": [(6, 0, [])],
                            },
                        )
                    ],
                }
            )
            bill.action_post()
            agency.sudo().bill_id = bill
