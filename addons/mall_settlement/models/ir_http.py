import json

from odoo import models
from odoo.exceptions import UserError
from odoo.http import request


class IrHttp(models.AbstractModel):
    """T10: suppliers (portal users) and visitors get JSON-RPC errors without the
    server's traceback, file paths or SQL: a business error keeps its message, any
    other error becomes a plain "internal error"."""

    _inherit = "ir.http"

    @classmethod
    def _handle_error(cls, exception):
        response = super()._handle_error(exception)
        try:
            if (
                getattr(request.dispatcher, "routing_type", None) != "json"
                or not request.db
                or request.env.user._is_internal()
            ):
                return response
            payload = json.loads(response.get_data())
        except Exception:  # never fail while reporting an error
            return response
        data = (payload.get("error") or {}).get("data")
        if not isinstance(data, dict):
            return response
        data["debug"] = ""
        data["context"] = {}
        if not isinstance(exception, UserError):
            message = request.env._("An internal error occurred. Please contact the mall.")
            data.update(name="odoo.exceptions.UserError", message=message, arguments=[message])
        response.set_data(json.dumps(payload))
        return response
