from odoo import api, fields, models


class PropertySubscription(models.Model):
    """V1: a subscription knows the lead it came from and wins it."""

    _inherit = "property.subscription"

    lead_id = fields.Many2one(
        "crm.lead",
        string="Lead",
        compute="_compute_lead_id",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        domain="[('project_id', '=', project_id), ('partner_id', '=', partner_id)]",
    )

    @api.depends("partner_id", "unit_id")
    def _compute_lead_id(self):
        for subscription in self:
            if subscription.lead_id or not subscription.partner_id:
                continue
            subscription.lead_id = (
                self.env["crm.lead"]
                .sudo()
                .search(
                    [
                        ("project_id", "=", subscription.unit_id.project_id.id),
                        ("partner_id", "=", subscription.partner_id.id),
                    ],
                    limit=1,
                )
            )

    def action_confirm(self):
        res = super().action_confirm()
        self.filtered(
            lambda sub: sub.state in ("confirmed", "temporary")
        ).lead_id._mark_subscribed()
        return res
