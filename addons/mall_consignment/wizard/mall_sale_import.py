import base64

from odoo import fields, models
from odoo.exceptions import UserError


class MallSaleImport(models.TransientModel):
    """Import a till file (CSV or XLSX) into the sales ledger, whole or not at all."""

    _name = "mall.sale.import"
    _description = "Import Till Takings"

    file = fields.Binary(string="File", required=True)
    filename = fields.Char()
    state = fields.Selection(
        [("choose", "Choose"), ("errors", "Errors"), ("done", "Done")], default="choose"
    )
    error_count = fields.Integer(readonly=True)
    error_text = fields.Text(string="Errors", readonly=True)
    error_report = fields.Binary(string="Error Report", readonly=True, attachment=False)
    error_report_name = fields.Char(readonly=True)
    batch_id = fields.Many2one("mall.sale.batch", string="Import", readonly=True)

    def _dialog_title(self):
        _ = self.env._
        return {
            "errors": _("Till File Refused"),
            "done": _("Till File Imported"),
        }.get(self.state, _("Import Till Takings"))

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "name": self._dialog_title(),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

    def action_import(self):
        self.ensure_one()
        if not self.file:
            raise UserError(self.env._("Choose a CSV or XLSX file first."))
        content = base64.b64decode(self.file)
        batch, errors = self.env["mall.sale.line"]._import_file(content, self.filename or "")
        if errors:
            self.write(
                {
                    "state": "errors",
                    "error_count": len(errors),
                    "error_text": "\n".join(message for _l, _c, message in errors[:20]),
                    "error_report": base64.b64encode(
                        self.env["mall.sale.line"]._errors_csv(errors)
                    ),
                    "error_report_name": f"{(self.filename or 'import').rsplit('.', 1)[0]}"
                    "-errors.csv",
                }
            )
            return self._reopen()
        self.write({"state": "done", "batch_id": batch.id})
        return self._reopen()

    def action_retry(self):
        self.write({"state": "choose", "file": False, "error_report": False, "error_text": False})
        return self._reopen()

    def action_open_rows(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "mall_consignment.action_mall_sale_line"
        )
        action["domain"] = [("batch_id", "=", self.batch_id.id)]
        action["context"] = {}
        return action
