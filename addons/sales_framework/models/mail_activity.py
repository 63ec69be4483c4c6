from odoo import models


class MailActivity(models.Model):
    _inherit = "mail.activity"

    def _action_done(self, feedback=False, attachment_ids=None):
        visit_type = self.env.ref(
            "sales_framework.mail_activity_customer_visit", raise_if_not_found=False
        )
        visits = self.filtered(
            lambda a: a.res_model == "sales.key.account.plan" and a.activity_type_id == visit_type
        )
        planned = [(a, self.env["sales.key.account.plan"].browse(a.res_id)) for a in visits]
        for activity, plan in planned:
            plan._log_visit(activity, feedback)
        res = super()._action_done(feedback=feedback, attachment_ids=attachment_ids)
        for _activity, plan in planned:
            plan._schedule_next_visit()
        return res
