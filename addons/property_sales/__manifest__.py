{
    "name": "Property Sales Office",
    "summary": "Units, sales control (销控) that never double-sells, deposits, "
    "subscriptions and the sales-control register",
    "version": "18.0.1.0.0",
    "category": "Sales/Marketing Operations",
    "author": "Marketing Suite Engineers",
    "website": "https://example.com/marketing-suite",
    "license": "LGPL-3",
    "depends": ["marketing_base", "crm", "sale", "account", "bus"],
    "data": [
        "security/property_sales_security.xml",
        "security/ir.model.access.csv",
        "security/ir_rules.xml",
        "data/ir_sequence_data.xml",
        "data/ir_cron_data.xml",
        "report/property_subscription_report.xml",
        "wizard/property_unit_lock_wizard_views.xml",
        "views/property_project_views.xml",
        "views/property_building_views.xml",
        "views/property_unit_views.xml",
        "views/property_unit_lock_views.xml",
        "views/property_deposit_views.xml",
        "views/property_subscription_views.xml",
        "views/property_control_log_views.xml",
        "views/property_sales_menus.xml",
    ],
    "demo": ["demo/property_sales_demo.xml"],
    "assets": {
        "web.assets_backend": [
            "property_sales/static/src/**/*",
        ],
        "web.assets_tests": [
            "property_sales/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}
