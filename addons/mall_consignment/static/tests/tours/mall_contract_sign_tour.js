import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("mall_contract_sign_tour", {
    steps: () => [
        {
            content: "Drop the default filter of contracts in force to see those in review",
            trigger: ".o_searchview_facet .o_facet_remove",
            run: "click",
        },
        {
            content: "Open the contract in review",
            trigger: ".o_data_row td:contains('巡检品牌')",
            run: "click",
        },
        {
            content: "The contract is in review",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='review']",
        },
        {
            content: "Sign it",
            trigger: "button[name='action_sign']",
            run: "click",
        },
        {
            content: "It is active now",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='active']",
        },
    ],
});
