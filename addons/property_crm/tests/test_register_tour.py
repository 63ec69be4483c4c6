from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestRegisterTour(HttpCase):
    """V2 in the browser: a consultant registers a visitor whose phone another consultant
    owns and sees the masked warning."""

    def test_consultant_sees_masked_collision(self):
        owner = new_test_user(
            self.env,
            login="tour_owner",
            name="李明",
            groups="property_sales.group_sales_consultant",
        )
        new_test_user(
            self.env,
            login="tour_consultant",
            password="tour_consultant_pw",
            name="赵敏",
            groups="property_sales.group_sales_consultant",
        )
        project = self.env["property.project"].create(
            {"name": "巡检花园", "code": "XJ", "deposit_standard": 50000, "deposit_minimum": 20000}
        )
        Lead = self.env["crm.lead"]
        lead_id = Lead.with_user(owner).register_contact(
            {
                "project_id": project.id,
                "contact_name": "黄晓明",
                "phone": "13800138000",
                "contact_kind": "call",
            }
        )
        self.start_tour(
            "/odoo/action-property_crm.property_lead_register_action",
            "property_crm_collision_warning",
            login="tour_consultant",
        )
        lead = Lead.browse(lead_id)
        self.assertEqual(lead.user_id, owner)
        self.assertEqual(Lead.search_count([("project_id", "=", project.id)]), 1)
        collision = lead.contact_ids.filtered("collision")
        self.assertEqual(collision.user_id.login, "tour_consultant")
