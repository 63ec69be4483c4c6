from odoo.addons.property_sales.tests.common import PropertySalesCase


class PropertyCrmCase(PropertySalesCase):
    """property_sales' project, units and role users, plus a sales-office channel."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Lead = cls.env["crm.lead"]
        cls.source = cls.env.ref("property_crm.utm_source_signboard")

    def register(self, user, phone="13800138000", kind="call", name="黄先生", **extra):
        vals = {
            "project_id": self.project.id,
            "contact_name": name,
            "phone": phone,
            "contact_kind": kind,
            "source_id": self.source.id,
            **extra,
        }
        return self.Lead.browse(self.Lead.with_user(user).register_contact(vals))
