{
    "name": "Marketing & Sales Operations",
    "summary": "Root menu, roles and settings shared by the marketing, "
    "mall and property sales modules",
    "version": "18.0.1.0.0",
    "category": "Sales/Marketing Operations",
    "author": "Marketing Suite Engineers",
    "website": "https://example.com/marketing-suite",
    "license": "LGPL-3",
    "depends": ["base_setup", "mail", "web"],
    "data": [
        "security/marketing_base_security.xml",
        "views/res_config_settings_views.xml",
        "views/marketing_base_menus.xml",
    ],
    "demo": ["demo/res_users_demo.xml"],
    "assets": {
        "web.assets_tests": [
            "marketing_base/static/tests/tours/*.js",
        ],
    },
    "installable": True,
    "application": True,
}
