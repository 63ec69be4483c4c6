from odoo import fields, models


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

    def action_lock(self):
        self.ensure_one()
        lock_id = self.unit_id.lock_unit(
            self.partner_id.id, id_number=self.id_number, deposit_id=self.deposit_id.id
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "property.unit.lock",
            "res_id": lock_id,
            "view_mode": "form",
            "views": [(False, "form")],
        }
