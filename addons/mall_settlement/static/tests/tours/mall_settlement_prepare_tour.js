import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("mall_settlement_prepare_tour", {
    steps: () => [
        {
            content: "Open the period of March 2029",
            trigger: ".o_data_row td:contains('2029-03')",
            run: "click",
        },
        {
            content: "Prepare its statements",
            trigger: "button[name='action_prepare']",
            run: "click",
        },
        {
            content: "The period is prepared",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='prepared']",
        },
        {
            content: "Open its statements",
            trigger: "button[name='action_view_statements']",
            run: "click",
        },
        {
            content: "Open the supplier's statement",
            trigger: ".o_data_row td:contains('杭州丝语服饰有限公司')",
            run: "click",
        },
        {
            content: "The payable of the worked example is shown",
            trigger: ".o_field_widget[name='payable']:contains('60,500.00')",
        },
        {
            content: "Send it to the supplier",
            trigger: "button[name='action_send']",
            run: "click",
        },
        {
            content: "It waits for the supplier",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='sent']",
        },
    ],
});
