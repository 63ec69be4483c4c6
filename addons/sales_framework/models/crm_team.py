from odoo import fields, models


class CrmTeam(models.Model):
    _inherit = "crm.team"

    order_review = fields.Boolean(
        string="Order Review",
        help="Orders of this team from new customers or reaching the company's review "
        "amount are reviewed by finance, production and quality before confirmation.",
    )
