import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("marketing_base_open_root_menu", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Marketing & Sales Operations app",
            trigger: ".o_app[data-menu-xmlid='marketing_base.menu_root']",
            run: "click",
        },
        {
            content: "The app's menu bar shows its Chinese name",
            trigger: ".o_main_navbar .o_menu_brand:contains('营销与销售运营')",
        },
        {
            content: "Open the Master Data menu",
            trigger: ".o_menu_sections [data-menu-xmlid='marketing_base.menu_master_data']",
            run: "click",
        },
        {
            content: "Open the partners",
            trigger: ".dropdown-item[data-menu-xmlid='marketing_base.res_partner_menu']",
            run: "click",
        },
        {
            content: "The partners the suite shares are listed",
            trigger: ".o_breadcrumb .active:contains('合作伙伴')",
        },
    ],
});
