from odoo import fields, models


class SalesCustomerVisit(models.Model):
    _name = "sales.customer.visit"
    _description = "Customer Visit"
    _order = "date desc, id desc"

    plan_id = fields.Many2one(
        "sales.key.account.plan", required=True, ondelete="cascade", index=True
    )
    partner_id = fields.Many2one(related="plan_id.partner_id", store=True)
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    user_id = fields.Many2one("res.users", string="Visited By", required=True)
    date = fields.Date(string="Visited On", required=True)
    date_planned = fields.Date(string="Planned For")
    note = fields.Text(string="Report")
