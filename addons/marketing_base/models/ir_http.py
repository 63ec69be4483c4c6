from odoo import models
from odoo.http import request


class IrHttp(models.AbstractModel):
    """Frontend pages (the suppliers' portal, without the website app) speak the signed-in
    user's language. Odoo takes a frontend page's language from the URL, then from the
    ``frontend_lang`` cookie, which the first visit sets from the browser's language, and
    only then from the user: a supplier set to 简体中文 would read English pages in an
    English browser, and the other way round."""

    _inherit = "ir.http"

    @classmethod
    def _frontend_pre_dispatch(cls):
        user = request.env.user
        if user and not user._is_public():
            code = request.env["ir.http"].get_nearest_lang(user.lang)
            if code:
                request.lang = request.env["res.lang"]._get_data(code=code)
        return super()._frontend_pre_dispatch()
