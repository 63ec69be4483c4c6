from odoo import api, models
from odoo.exceptions import AccessError

from .marketing_workflow_mixin import in_workflow_action

# What a reviewer may write on a review outside the approval actions (the comment wizard).
FREE_FIELDS = {"comment", "last_reminder_date"}


class TierReview(models.Model):
    _inherit = "tier.review"

    def _is_suite_review(self):
        approval_models = set(self.env["marketing.approval.mixin"]._approval_model_names())
        return any(review.model in approval_models for review in self)

    def _refuse_direct(self):
        raise AccessError(
            self.env._(
                "Reviews are requested, approved and rejected with the Request Validation, "
                "Validate and Reject buttons of the document; they cannot be written directly."
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        if not in_workflow_action(self.env):
            approval_models = set(self.env["marketing.approval.mixin"]._approval_model_names())
            if any(vals.get("model") in approval_models for vals in vals_list):
                self._refuse_direct()
        return super().create(vals_list)

    def write(self, vals):
        if not in_workflow_action(self.env) and self._is_suite_review():
            if set(vals) - FREE_FIELDS or any(
                self.env.user not in review.reviewer_ids for review in self
            ):
                self._refuse_direct()
        return super().write(vals)

    def unlink(self):
        suite = self.filtered(lambda r: r._is_suite_review())
        if suite and not in_workflow_action(self.env):
            self._refuse_direct()
        suite._keep_history()
        return super().unlink()

    def _keep_history(self):
        """Decided reviews survive a restart in marketing.review.history, by round."""
        History = self.env["marketing.review.history"].sudo()
        decided = self.filtered(lambda r: r.status in ("approved", "rejected"))
        rounds = {}
        for review in decided.sorted(lambda r: (r.model, r.res_id, r.sequence)):
            key = (review.model, review.res_id)
            if key not in rounds:
                last = History.search(
                    [("model", "=", review.model), ("res_id", "=", review.res_id)],
                    order="round desc",
                    limit=1,
                )
                rounds[key] = last.round + 1
            History.create(
                {
                    "model": review.model,
                    "res_id": review.res_id,
                    "round": rounds[key],
                    "sequence": review.sequence,
                    "name": review.name,
                    "status": review.status,
                    "requested_by": review.requested_by.id,
                    "done_by": review.done_by.id,
                    "reviewed_date": review.reviewed_date,
                    "comment": review.comment,
                }
            )
