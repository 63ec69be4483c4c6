from odoo import fields, models


class MarketingReviewHistory(models.Model):
    _name = "marketing.review.history"
    _description = "Review History"
    _order = "round, sequence, id"

    model = fields.Char(string="Document Model", required=True, index=True, readonly=True)
    res_id = fields.Many2oneReference(
        string="Document ID", model_field="model", required=True, index=True, readonly=True
    )
    round = fields.Integer(
        required=True,
        readonly=True,
        help="1 for the first validation, 2 after the first restart, ...",
    )
    sequence = fields.Integer(string="Tier", readonly=True)
    name = fields.Char(string="Step", readonly=True)
    status = fields.Selection(
        [("approved", "Approved"), ("rejected", "Rejected")], required=True, readonly=True
    )
    requested_by = fields.Many2one("res.users", readonly=True)
    done_by = fields.Many2one("res.users", string="Decided by", readonly=True)
    reviewed_date = fields.Datetime(string="Decided on", readonly=True)
    comment = fields.Char(readonly=True)
