from odoo import fields, models

REASSIGN_MODE = [("reassign", "Reassign"), ("split", "Split the Deal")]


class PropertyLeadReassign(models.TransientModel):
    """V2: the Marketing Manager settles a collision (撞单), with the reason recorded."""

    _name = "property.lead.reassign"
    _description = "Reassign or Split a Customer"

    lead_id = fields.Many2one("crm.lead", required=True)
    mode = fields.Selection(REASSIGN_MODE, required=True, default="reassign")
    user_id = fields.Many2one(
        "res.users",
        string="Consultant",
        required=True,
        domain=lambda self: [
            ("groups_id", "in", self.env.ref("property_sales.group_sales_consultant").ids)
        ],
    )
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        self.lead_id._reassign(self.user_id, self.reason, split=self.mode == "split")
        return {"type": "ir.actions.act_window_close"}
