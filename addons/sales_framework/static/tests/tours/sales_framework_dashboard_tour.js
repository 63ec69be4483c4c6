import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("sales_framework_dashboard", {
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Marketing & Sales Operations app",
            trigger: ".o_app[data-menu-xmlid='marketing_base.menu_root']",
            run: "click",
        },
        {
            content: "Open the Sales Framework menu",
            trigger: ".o_menu_sections [data-menu-xmlid='sales_framework.menu_sales_framework']",
            run: "click",
        },
        {
            content: "Open My Sales Dashboard",
            trigger: ".dropdown-item[data-menu-xmlid='sales_framework.sales_target_dashboard_menu']",
            run: "click",
        },
        {
            content: "The monthly target is 100,000.00",
            trigger: ".o_sales_dashboard .o_field_widget[name='amount_target']:contains('100,000.00')",
        },
        {
            content: "Confirmed sales so far: 36,000.00",
            trigger: ".o_sales_dashboard .o_field_widget[name='amount_sales']:contains('36,000.00')",
        },
        {
            content: "The gap to target is 64,000.00",
            trigger: ".o_sales_dashboard .o_field_widget[name='amount_gap']:contains('64,000.00')",
        },
        {
            content: "The gap per remaining working day is shown",
            trigger: ".o_sales_dashboard .o_field_widget[name='gap_per_day']",
        },
    ],
});
