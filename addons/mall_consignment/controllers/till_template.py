from odoo import http
from odoo.http import content_disposition, request


class TillTemplate(http.Controller):
    """The till file template the import wizard offers for download."""

    @http.route("/mall_consignment/till_template", type="http", auth="user", methods=["GET"])
    def till_template(self):
        content = request.env["mall.sale.line"]._till_template_csv()
        return request.make_response(
            content,
            headers=[
                ("Content-Type", "text/csv; charset=utf-8"),
                ("Content-Disposition", content_disposition("till-template.csv")),
            ],
        )
