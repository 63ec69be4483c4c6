from odoo import fields, models


class MallElimination(models.Model):
    _inherit = "mall.elimination"

    replacement_application_id = fields.Many2one(
        "mall.brand.application",
        string="Replacement Brand",
        compute="_compute_replacement_application_id",
        help="The application of the brand that takes the counter.",
    )

    def _compute_replacement_application_id(self):
        Application = self.env["mall.brand.application"]
        for entry in self:
            entry.replacement_application_id = Application.search(
                [
                    ("leaving_contract_id", "=", entry.contract_id.id),
                    ("state", "not in", ("rejected", "draft")),
                ],
                limit=1,
            )
