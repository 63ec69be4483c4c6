from odoo import fields, models

from odoo.addons.marketing_base.models.marketing_workflow_mixin import workflow_action


class PropertyUnitLockWizard(models.TransientModel):
    """The secretary's lock dialog: customer plus deposit or ID number (U4)."""

    _name = "property.unit.lock.wizard"
    _description = "Lock a Unit"

    unit_id = fields.Many2one("property.unit", required=True, readonly=True)
    project_id = fields.Many2one(related="unit_id.project_id")
    partner_id = fields.Many2one("res.partner", string="Customer", required=True)
    id_number = fields.Char(string="ID Card Number (card held)")
    deposit_id = fields.Many2one(
        "property.deposit",
        string="Deposit Received",
        domain="[('partner_id', '=', partner_id), ('project_id', '=', project_id), "
        "('state', '=', 'paid')]",
    )

    consultant_id = fields.Many2one(
        "res.users",
        string="For Consultant",
        domain=lambda self: [
            ("groups_id", "in", self.env.ref("property_sales.group_sales_consultant").ids)
        ],
        help="The consultant who asked for the lock: the lock and its customer are theirs "
        "(by default the deposit's consultant, or the person locking).",
    )

    def action_lock(self):
        self.ensure_one()
        lock_id = self.unit_id.lock_unit(
            self.partner_id.id, id_number=self.id_number, deposit_id=self.deposit_id.id
        )
        lock = self.env["property.unit.lock"].browse(lock_id)
        if self.consultant_id and not self.deposit_id:
            # U5: the lock the consultant asked for is theirs
            with workflow_action():
                lock.sudo().consultant_id = self.consultant_id
        return {
            "type": "ir.actions.act_window",
            "res_model": "property.unit.lock",
            "res_id": lock_id,
            "view_mode": "form",
            "views": [(False, "form")],
        }
