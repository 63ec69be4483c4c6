import {registry} from "@web/core/registry";

// The cashier starts on the deposits and receives one by clicking.
registry.category("web_tour.tours").add("property_sales_cashier_receives_deposit", {
    steps: () => [
        {
            content: "The home screen lists the deposits: open the one to collect",
            trigger: ".o_list_view .o_data_row td:contains('巡检客户')",
            run: "click",
        },
        {
            content: "Receive the payment",
            trigger: ".o_form_view button[name='action_register_payment']",
            run: "click",
        },
        {
            content: "The deposit is paid and its receipt is linked",
            trigger:
                ".o_form_view .o_statusbar_status button.o_arrow_button_current[data-value='paid']",
        },
        {
            content: "The receipt button shows",
            trigger: ".o_form_view button[name='action_open_payment']",
        },
    ],
});
