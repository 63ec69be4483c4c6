{
    "name": "Mall Brand Entry",
    "summary": "Brand entry applications (调研—储备—引进), the review board (品牌引进评审小组) on "
    "approval chains, one in one out (进一退一), contract draft and counter fit-out",
    "version": "18.0.1.0.0",
    "category": "Sales/Marketing Operations",
    "author": "Marketing Suite Engineers",
    "website": "https://example.com/marketing-suite",
    "license": "LGPL-3",
    "depends": ["mall_supplier_exit"],
    "data": [
        "security/mall_brand_entry_security.xml",
        "security/ir.model.access.csv",
        "security/ir_rules.xml",
        "data/ir_sequence_data.xml",
        "data/mall_document_requirement_data.xml",
        "data/tier_definition_data.xml",
        "views/mall_brand_application_views.xml",
        "views/mall_fitout_views.xml",
        "views/mall_document_requirement_views.xml",
        "views/mall_elimination_views.xml",
        "views/res_config_settings_views.xml",
        "views/mall_brand_entry_menus.xml",
    ],
    "demo": [
        "demo/res_users_demo.xml",
        "demo/mall_brand_entry_demo.xml",
        "demo/res_users_home_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "mall_brand_entry/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}
