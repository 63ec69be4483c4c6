from odoo import models

from .account_move import BATCH_CONTEXT


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    def write(self, vals):
        if (
            self.env.context.get(BATCH_CONTEXT)
            and vals.keys() == {"partner_id"}
            and all(line.partner_id.id == vals["partner_id"] for line in self)
        ):
            # Odoo's create() sets the partner of a new document's lines again, one write
            # per document, to the partner they were created with: the settlement's batch
            # skips the writes that change nothing
            return True
        return super().write(vals)
