from odoo_test_helper import FakeModelLoader

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import TransactionCase, new_test_user

from .common import assert_refused


class TestWorkflowAndApproval(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.loader = FakeModelLoader(cls.env, cls.__module__)
        cls.loader.backup_registry()
        from .workflow_tester import MarketingWorkflowTester

        cls.loader.update_registry((MarketingWorkflowTester,))
        cls.Tester = cls.env["marketing.workflow.tester"]
        model = cls.env["ir.model"]._get("marketing.workflow.tester")
        cls.env["ir.model.access"].create(
            {
                "name": "tester",
                "model_id": model.id,
                "group_id": cls.env.ref("base.group_user").id,
                "perm_read": True,
                "perm_write": True,
                "perm_create": True,
                "perm_unlink": True,
            }
        )
        cls.clerk = new_test_user(cls.env, login="wf_clerk", groups="base.group_user")
        cls.vp = new_test_user(cls.env, login="wf_vp", groups="marketing_base.group_marketing_vp")
        cls.vp2 = new_test_user(cls.env, login="wf_vp2", groups="marketing_base.group_marketing_vp")
        cls.gm = new_test_user(
            cls.env, login="wf_gm", groups="marketing_base.group_general_manager"
        )
        cls.checkers = cls.env["res.groups"].create(
            {"name": "复核组", "users": [Command.link(cls.vp.id), Command.link(cls.vp2.id)]}
        )
        Definition = cls.env["tier.definition"]
        # VP first (higher sequence is reviewed first), then GM, in turn.
        cls.vp_tier = Definition.create(
            {
                "name": "VP review",
                "model_id": model.id,
                "review_type": "group",
                "reviewer_group_id": cls.checkers.id,
                "definition_domain": "[('amount', '>', 1000)]",
                "sequence": 20,
                "approve_sequence": True,
            }
        )
        cls.gm_tier = Definition.create(
            {
                "name": "GM approval",
                "model_id": model.id,
                "review_type": "group",
                "reviewer_group_id": cls.env.ref("marketing_base.group_general_manager").id,
                "definition_domain": "[('amount', '>', 1000)]",
                "sequence": 10,
                "approve_sequence": True,
            }
        )

    @classmethod
    def tearDownClass(cls):
        cls.loader.restore_registry()
        super().tearDownClass()

    def _doc(self, amount=5000):
        tester = self.Tester.with_user(self.clerk).with_context(lang="en_US")
        return tester.create({"name": "促销方案", "amount": amount})

    # --- guard -------------------------------------------------------------------------
    def test_state_write_refused_and_names_the_action(self):
        doc = self._doc()
        with assert_refused(self, doc, UserError):
            doc.write({"state": "done"})
        with self.assertRaisesRegex(UserError, "Approve and Close buttons"):
            doc.write({"state": "done"})
        with self.assertRaisesRegex(UserError, "Close button"):
            doc.write({"closed_by": self.gm.id})

    def test_same_value_write_is_not_a_change(self):
        doc = self._doc()
        doc.write({"state": "draft", "name": "改名"})
        self.assertEqual(doc.name, "改名")

    def test_create_starts_in_first_state(self):
        with self.assertRaises(UserError):
            self.Tester.with_user(self.clerk).create({"name": "x", "state": "done"})
        with self.assertRaises(UserError):
            self.Tester.with_user(self.clerk).create({"name": "x", "closed_by": self.gm.id})
        doc = self.Tester.with_user(self.clerk).create({"name": "x", "state": "draft"})
        self.assertEqual(doc.state, "draft")

    def test_context_cannot_open_the_guard(self):
        doc = self._doc()
        for key in ("workflow_action", "marketing_workflow_action", "skip_validation_check"):
            with self.assertRaises(UserError):
                doc.with_context(**{key: True}).write({"state": "done"})

    def test_role_checked_on_the_server(self):
        doc = self._doc(amount=10)
        with assert_refused(self, doc, AccessError):
            doc.with_user(self.vp).action_close()
        doc.with_user(self.gm).action_close()
        self.assertEqual((doc.state, doc.closed_by), ("done", self.gm))

    # --- approvals ---------------------------------------------------------------------
    def test_chain_in_turn_with_activities(self):
        doc = self._doc()
        with self.assertRaises(ValidationError):
            doc.action_approve()  # needs validation first
        doc.with_user(self.clerk).request_validation()
        self.assertEqual(doc.validation_status, "pending")
        self.assertEqual(doc.activity_ids.user_id, self.vp | self.vp2)
        # The GM is second in turn: validating before the checkers changes nothing.
        doc.with_user(self.gm).validate_tier()
        self.assertNotIn("approved", doc.review_ids.mapped("status"))
        self.assertEqual(doc.activity_ids.user_id, self.vp | self.vp2)
        doc.with_user(self.vp).validate_tier()
        self.assertEqual(doc.review_ids.mapped("status"), ["approved", "pending"])
        general_managers = self.env.ref("marketing_base.group_general_manager").users
        self.assertIn(self.gm, general_managers)
        self.assertEqual(
            doc.activity_ids.user_id, general_managers, "vp2's To-Do is gone, the GMs' are due"
        )
        self.assertFalse(doc.outcome)
        doc.with_user(self.gm).validate_tier()
        self.assertEqual(doc.validation_status, "validated")
        self.assertEqual(doc.outcome, "validated")
        self.assertFalse(doc.activity_ids, "review activities stay open after the decision")
        done = self.env["mail.message"].search(
            [
                ("model", "=", doc._name),
                ("res_id", "=", doc.id),
                (
                    "mail_activity_type_id",
                    "=",
                    self.env.ref("marketing_base.mail_activity_review").id,
                ),
            ]
        )
        self.assertEqual(done.author_id, self.vp.partner_id | self.gm.partner_id)
        self.assertFalse(
            self.env["mail.activity"].search(
                [("res_model", "=", doc._name), ("res_id", "=", doc.id)]
            )
        )
        doc.with_user(self.clerk).action_approve()
        self.assertEqual(doc.state, "approved")

    def test_rejection_with_comment_and_restart_keeps_history(self):
        self.gm_tier.has_comment = True
        doc = self._doc()
        doc.request_validation()
        doc.with_user(self.vp).validate_tier()
        action = doc.with_user(self.gm).reject_tier()
        wizard = (
            self.env["comment.wizard"]
            .with_user(self.gm)
            .with_context(**action["context"])
            .create({"comment": "预算超标，请压缩到 3,000 元"})
        )
        wizard.add_comment()
        self.assertEqual(doc.validation_status, "rejected")
        self.assertEqual(doc.outcome, "rejected")
        doc.with_user(self.clerk).restart_validation()
        self.assertFalse(doc.review_ids)
        history = doc.review_history_ids
        self.assertEqual(history.mapped("status"), ["approved", "rejected"])
        self.assertEqual(history.mapped("round"), [1, 1])
        self.assertEqual(history[1].comment, "预算超标，请压缩到 3,000 元")
        self.assertEqual(history[1].done_by, self.gm)
        doc.request_validation()
        doc.with_user(self.vp).validate_tier()
        doc.with_user(self.clerk).restart_validation()
        self.assertEqual(doc.review_history_ids.mapped("round"), [1, 1, 2])

    def test_reviews_cannot_be_forged(self):
        doc = self._doc()
        doc.request_validation()
        reviews = doc.review_ids
        with assert_refused(self, reviews, AccessError):
            reviews.with_user(self.clerk).write({"status": "approved"})
        with assert_refused(self, reviews, AccessError):
            reviews.with_user(self.vp).write({"status": "approved", "done_by": self.vp.id})
        with assert_refused(self, reviews, AccessError):
            reviews.with_user(self.clerk).unlink()
        with self.assertRaises(AccessError):
            self.env["tier.review"].with_user(self.clerk).create(
                {
                    "model": doc._name,
                    "res_id": doc.id,
                    "definition_id": self.vp_tier.id,
                    "status": "approved",
                }
            )
        # A reviewer may still comment on their own review.
        self.assertIn(self.vp, reviews[0].reviewer_ids, reviews.mapped("name"))
        reviews[0].with_user(self.vp).write({"comment": "同意"})
        # The clerk is no reviewer: validate_tier changes nothing.
        doc.with_user(self.clerk).validate_tier()
        self.assertEqual(doc.validation_status, "pending")

    def test_frozen_under_validation_whatever_the_context(self):
        doc = self._doc()
        doc.request_validation()
        for ctx in ({}, {"skip_validation_check": True}):
            with assert_refused(self, doc, ValidationError):
                doc.with_user(self.clerk).with_context(**ctx).write({"amount": 1})

    def test_no_chain_below_threshold(self):
        doc = self._doc(amount=500)
        self.assertFalse(doc.request_validation())
        doc.action_approve()
        self.assertEqual(doc.state, "approved")

    def test_settings_open_the_suite_chains(self):
        action = self.env["res.config.settings"].create({}).action_marketing_approval_chains()
        chains = self.env["tier.definition"].search(action["domain"])
        self.assertIn(self.vp_tier, chains)
        self.assertIn("marketing.workflow.tester", action["domain"][0][2])
        self.assertIn(
            "marketing.workflow.tester",
            self.env["tier.definition"]._get_tier_validation_model_names(),
        )

    # --- the reviewers' language -------------------------------------------------------
    def _zh_cn(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.vp_tier.with_context(lang="zh_CN").name = "分管领导审核"
        self.vp.lang = "zh_CN"
        self.vp2.lang = "en_US"

    def test_review_todo_in_the_reviewers_language(self):
        """Each reviewer's To-Do reads the review's name in his language, whatever the
        language of the user who requests the validation."""
        self._zh_cn()
        doc = self._doc()
        doc.with_user(self.clerk).with_context(lang="en_US").request_validation()
        summaries = {activity.user_id: activity.summary for activity in doc.activity_ids}
        self.assertEqual(summaries, {self.vp: "分管领导审核", self.vp2: "VP review"})

    def test_demo_story_loads_the_terms_of_the_module_being_installed(self):
        """Odoo loads a module's translations after its data and demo data: a demo story
        of a module being installed loads them first, so that what it reads from the
        module's records (its approval chains' names, its activity types) is translated."""
        self._zh_cn()
        review_type = self.env.ref("marketing_base.mail_activity_review")
        # as during the installation of marketing_base, before its terms are loaded
        self.env.cr.execute(
            "UPDATE ir_module_module SET state = 'to install' WHERE name = 'marketing_base'"
        )
        self.env.cr.execute(
            "UPDATE mail_activity_type SET name = name - 'zh_CN', summary = summary - 'zh_CN' "
            "WHERE id = %s",
            [review_type.id],
        )
        self.env.invalidate_all()
        self.assertEqual(review_type.with_context(lang="zh_CN").name, "Review")
        # a story runs in the language of the demo company's users (the administrator's)
        self.env.ref("base.user_admin").lang = "zh_CN"
        Demo = self.env["marketing.demo"]
        self.assertEqual(Demo.run_story(self.Tester._name, "_demo_story_lang"), "zh_CN")
        doc = self._doc()
        Demo.run_story(doc._name, "request_validation", doc.ids)
        self.assertEqual(review_type.with_context(lang="zh_CN").name, "审核")
        self.assertEqual(review_type.with_context(lang="zh_CN").summary, "审核并批准或驳回")
        vp_todo = doc.activity_ids.filtered(lambda a: a.user_id == self.vp)
        self.assertEqual(vp_todo.summary, "分管领导审核")

    def test_review_notes_in_the_users_language(self):
        """The notes the approval chain posts read the acting user's language, also those
        base_tier_validation does not translate."""
        self._zh_cn()
        self.vp_tier.write(
            {
                "notify_on_create": True,
                "notify_on_rejected": True,
                "notify_on_restarted": True,
                "has_comment": True,
            }
        )
        # OCA notifies a rejection to the reviewer's own tier only outside a sequence
        (self.vp_tier | self.gm_tier).approve_sequence = False
        doc = self._doc().with_context(lang="zh_CN")

        def notes():
            domain = [("model", "=", doc._name), ("res_id", "=", doc.id)]
            return " ".join(self.env["mail.message"].search(domain).mapped("body"))

        doc.with_user(self.clerk).request_validation()
        self.assertIn(f"{self.clerk.name} 创建了一条待审批的记录。", notes())
        action = doc.with_user(self.vp).reject_tier()
        self.env["comment.wizard"].with_user(self.vp).with_context(
            **action["context"], lang="zh_CN"
        ).create({"comment": "费用超标"}).add_comment()
        self.assertEqual(doc.validation_status, "rejected")
        self.assertIn(f"{self.vp.name} 驳回了审批。（费用超标）", notes())
        doc.with_user(self.clerk).restart_validation()
        self.assertIn(f"{self.clerk.name} 重置了审批。", notes())
