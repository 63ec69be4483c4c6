import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("mall_contract_sign_tour", {
    steps: () => [
        {
            content: "Show the contracts to review",
            trigger: ".o_searchview_input",
            run: "edit 巡检品牌",
        },
        {
            content: "Search by brand",
            trigger: ".o_searchview_autocomplete .o_menu_item:contains('Brand')",
            run: "click",
        },
        {
            content: "Drop the default 'In Force' filter",
            trigger: ".o_searchview_facet:contains('In Force') .o_facet_remove",
            run: "click",
        },
        {
            content: "Open the contract in review",
            trigger: ".o_data_row td:contains('巡检品牌')",
            run: "click",
        },
        {
            content: "Sign it",
            trigger: "button[name='action_sign']",
            run: "click",
        },
        {
            content: "It is active now",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Active')",
        },
    ],
});
