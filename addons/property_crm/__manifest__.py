{
    "name": "Property Sales Office CRM",
    "summary": "Visitor register (来电/来访登记) on Odoo CRM, customer protection periods, "
    "collision detection with masked phones and the public pool",
    "version": "18.0.1.0.0",
    "category": "Sales/Marketing Operations",
    "author": "Marketing Suite Engineers",
    "website": "https://example.com/marketing-suite",
    "license": "LGPL-3",
    "depends": ["property_sales", "crm", "utm"],
    "data": [
        "security/property_crm_security.xml",
        "security/ir.model.access.csv",
        "security/ir_rules.xml",
        "data/mail_activity_type_data.xml",
        "data/utm_source_data.xml",
        "report/property_lead_contact_report.xml",
        "wizard/property_lead_register_views.xml",
        "wizard/property_lead_followup_views.xml",
        "wizard/property_lead_reassign_views.xml",
        "views/property_project_views.xml",
        "views/property_lead_contact_views.xml",
        "views/crm_lead_views.xml",
        "views/property_subscription_views.xml",
        "views/property_crm_menus.xml",
    ],
    "demo": ["demo/property_crm_demo.xml"],
    "assets": {
        "web.assets_tests": [
            "property_crm/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}
