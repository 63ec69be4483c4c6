{
    "name": "Marketing & Sales Operations",
    "summary": "Root menu, roles, settings, workflow guard and approval chains shared by "
    "the marketing, mall and property sales modules",
    "version": "18.0.1.0.0",
    "category": "Sales/Marketing Operations",
    "author": "Marketing Suite Engineers",
    "website": "https://example.com/marketing-suite",
    "license": "LGPL-3",
    "depends": ["base_setup", "http_routing", "mail", "web", "base_tier_validation"],
    "data": [
        "security/marketing_base_security.xml",
        "security/ir.model.access.csv",
        "data/mail_activity_type_data.xml",
        "views/marketing_review_history_views.xml",
        "views/res_config_settings_views.xml",
        "views/mail_activity_views.xml",
        "views/marketing_base_menus.xml",
    ],
    "demo": ["demo/res_users_demo.xml", "demo/res_users_home_demo.xml"],
    "assets": {
        "web.assets_tests": [
            "marketing_base/static/tests/tours/*.js",
        ],
    },
    "installable": True,
    "application": True,
}
