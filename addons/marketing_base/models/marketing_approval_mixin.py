"""The suite's approval mechanism: OCA ``base_tier_validation`` with the suite's glue.

- Review decisions and requests run as workflow actions: ``tier.review`` records cannot be
  created, decided or deleted directly (no forged approvals).
- Decided reviews are kept in ``marketing.review.history`` when a validation restarts.
- Each user who can review now gets a To-Do activity; it is marked done when they decide
  and removed when nobody needs it any more.
- Models react to the outcome in ``_on_approval_validated`` / ``_on_approval_rejected``.
"""

from odoo import api, fields, models

from .marketing_workflow_mixin import in_workflow_action, workflow_action


class MarketingApprovalMixin(models.AbstractModel):
    _name = "marketing.approval.mixin"
    _inherit = ["tier.validation"]
    _description = "Approval Chain"

    _tier_validation_manual_config = False

    review_history_ids = fields.One2many(
        "marketing.review.history",
        "res_id",
        string="Review History",
        domain=lambda self: [("model", "=", self._name)],
        readonly=True,
    )

    # --- hooks -------------------------------------------------------------------------
    def _on_approval_validated(self):
        """Called inside a workflow action when a decision validated the record."""

    def _on_approval_rejected(self):
        """Called inside a workflow action when a decision rejected the record."""

    # --- decisions run as workflow actions ---------------------------------------------
    def request_validation(self):
        with workflow_action():
            reviews = super().request_validation()
            reviews._compute_can_review()
            self.invalidate_recordset(["validation_status"])
            self._sync_review_activities()
        return reviews

    def _validate_tier(self, tiers=False):
        with workflow_action():
            before = self.validation_status
            res = super()._validate_tier(tiers)
            self._after_review_decision(before)
        return res

    def _rejected_tier(self, tiers=False):
        with workflow_action():
            before = self.validation_status
            res = super()._rejected_tier(tiers)
            self._after_review_decision(before)
        return res

    def restart_validation(self):
        with workflow_action():
            res = super().restart_validation()
            self._sync_review_activities()
        return res

    def _tier_validation_check_write_remove_reviews(self, vals):
        with workflow_action():
            return super()._tier_validation_check_write_remove_reviews(vals)

    def _tier_validation_check_write_allowed(self, vals):
        """Frozen under validation for everybody: OCA's ``skip_validation_check`` context
        key is honoured only inside the model's own actions, never from a caller."""
        if in_workflow_action(self.env):
            return None
        guarded = self.with_context(skip_validation_check=False)
        return super(MarketingApprovalMixin, guarded)._tier_validation_check_write_allowed(vals)

    def _check_state_from_condition(self):
        if in_workflow_action(self.env):
            return super()._check_state_from_condition()
        guarded = self.with_context(skip_check_state_condition=False)
        return super(MarketingApprovalMixin, guarded)._check_state_from_condition()

    def _update_counter(self, review_counter):
        with workflow_action():
            return super()._update_counter(review_counter)

    def unlink(self):
        with workflow_action():
            self._sync_review_activities(close_all=True)
            return super().unlink()

    def _after_review_decision(self, before):
        self.ensure_one()
        self.review_ids._compute_can_review()
        self.invalidate_recordset(["validation_status"])
        self._sync_review_activities()
        status = self.validation_status
        if status != before and status == "validated":
            self._on_approval_validated()
        elif status != before and status == "rejected":
            self._on_approval_rejected()

    # --- chatter notes whose zh_CN translation base_tier_validation lacks ----------------
    def _notify_created_review_body(self):
        return self.env._("A record to be reviewed has been created by %s.", self.env.user.name)

    def _notify_rejected_review_body(self):
        commented = self.review_ids.filtered(
            lambda r: self.env.user in r.reviewer_ids and r.comment
        )[:1]
        if not commented:
            return super()._notify_rejected_review_body()
        return self.env._(
            "A review was rejected by %(user)s. (%(comment)s)",
            user=self.env.user.name,
            comment=commented.comment,
        )

    def _notify_restarted_review_body(self):
        return self.env._("The review has been reset by %s.", self.env.user.name)

    # --- activities --------------------------------------------------------------------
    def _sync_review_activities(self, close_all=False):
        """One To-Do per user who can review now; done when decided, gone when not needed."""
        activity_type = self.env.ref(
            "marketing_base.mail_activity_review", raise_if_not_found=False
        )
        if not activity_type or "activity_ids" not in self._fields:
            return
        Activity = self.env["mail.activity"].sudo()
        for rec in self.sudo():
            open_activities = Activity.search(
                [
                    ("res_model", "=", rec._name),
                    ("res_id", "=", rec.id),
                    ("activity_type_id", "=", activity_type.id),
                ]
            )
            reviews = rec.review_ids
            due = self.env["res.users"]
            if not close_all and rec.validation_status not in ("validated", "rejected"):
                for review in reviews.filtered(lambda r: r.status == "pending" and r.can_review):
                    due |= review.reviewer_ids
            decided = reviews.filtered(lambda r: r.status in ("approved", "rejected")).mapped(
                "done_by"
            )
            for activity in open_activities:
                if activity.user_id in due:
                    due -= activity.user_id
                elif activity.user_id in decided:
                    activity.action_feedback(feedback=rec._review_feedback(activity.user_id))
                else:
                    activity.unlink()
            next_review = reviews.filtered(lambda r: r.status == "pending")[:1]
            for user in due:
                Activity.create(
                    {
                        "res_model_id": self.env["ir.model"]._get_id(rec._name),
                        "res_id": rec.id,
                        "activity_type_id": activity_type.id,
                        "user_id": user.id,
                        "summary": self._review_summary(next_review, activity_type, user),
                    }
                )

    @api.model
    def _review_summary(self, review, activity_type, user):
        """The To-Do's title in the reviewer's language: the name of the review (its tier
        definition's), else the activity type's summary."""
        lang = user.lang or self.env.lang
        return (
            review.definition_id.with_context(lang=lang).name
            or activity_type.with_context(lang=lang).summary
        )

    def _review_feedback(self, user):
        review = self.review_ids.filtered(lambda r: r.done_by == user)[-1:]
        status = dict(review._fields["status"]._description_selection(self.env)).get(
            review.status, ""
        )
        return " ".join(filter(None, [status, review.comment or ""]))

    @api.model
    def _approval_chains_action(self):
        """Settings > Approval Chains: the tier definitions of the suite's models."""
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "base_tier_validation.tier_definition_action"
        )
        action["domain"] = [("model", "in", self._approval_model_names())]
        return action

    @api.model
    def _approval_model_names(self):
        children = self.env.registry["marketing.approval.mixin"]._inherit_children
        return [name for name in children if not self.env[name]._abstract]
