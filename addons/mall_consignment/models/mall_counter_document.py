from odoo import api, fields, models


class MallCounterDocument(models.AbstractModel):
    """What a floor's documents about one counter share (new-product requests,
    replenishment notices): a number from a sequence, the counter, its contract in
    force and the supplier."""

    _name = "mall.counter.document"
    _description = "Counter Document"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "id desc"
    _check_company_auto = True
    _sequence_code = None  # ir.sequence code of the document's number

    name = fields.Char(string="Number", required=True, readonly=True, copy=False, default="/")
    counter_id = fields.Many2one(
        "mall.counter", required=True, tracking=True, index=True, check_company=True
    )
    floor_id = fields.Many2one(related="counter_id.floor_id", store=True)
    contract_id = fields.Many2one(
        "mall.contract",
        required=True,
        tracking=True,
        check_company=True,
        domain="[('counter_ids', 'in', counter_id), ('state', 'in', ('signed', 'active'))]",
    )
    partner_id = fields.Many2one(related="contract_id.partner_id", store=True, string="Supplier")
    company_id = fields.Many2one(related="contract_id.company_id", store=True)

    @api.onchange("counter_id")
    def _onchange_counter_id(self):
        self.contract_id = self.counter_id.contract_id

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code(self._sequence_code) or "/"
        return super().create(vals_list)
