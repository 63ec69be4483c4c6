from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class MallPromotionExpense(models.Model):
    """An expense line of a promotion's cost request (M1, M5): advertising,
    decoration, gifts…; their sum is E."""

    _name = "mall.promotion.expense"
    _description = "Promotion Expense"
    _order = "sequence, id"

    promotion_id = fields.Many2one("mall.promotion", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    expense_type = fields.Selection(
        [
            ("advertising", "Advertising"),
            ("decoration", "Decoration"),
            ("gifts", "Gifts"),
            ("printing", "Printing and POP"),
            ("event", "Event and Performers"),
            ("other", "Other"),
        ],
        string="Type",
        required=True,
        default="advertising",
    )
    name = fields.Char(string="Description", required=True)
    currency_id = fields.Many2one(related="promotion_id.currency_id")
    amount = fields.Monetary(required=True)

    @api.constrains("amount")
    def _check_amount(self):
        for expense in self:
            if expense.amount < 0:
                raise ValidationError(
                    self.env._(
                        "Expense %(name)s of promotion %(promotion)s cannot be negative.",
                        name=expense.name,
                        promotion=expense.promotion_id.name,
                    )
                )

    def _check_draft(self, promotions):
        locked = promotions.filtered(lambda p: p.state != "draft")
        if locked and not self.env.su:
            raise UserError(
                self.env._(
                    "Promotion %(name)s is no longer a draft: its expenses no longer change.",
                    name=locked[0].name,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        self._check_draft(
            self.env["mall.promotion"].browse([v.get("promotion_id") for v in vals_list])
        )
        return super().create(vals_list)

    def write(self, vals):
        self._check_draft(self.promotion_id)
        return super().write(vals)

    def unlink(self):
        self._check_draft(self.promotion_id)
        return super().unlink()
