import {registry} from "@web/core/registry";

// The consultant starts on the daily meeting, opens today's visitor, takes a deposit and
// writes the subscription of the unit the secretary locked for them.
registry.category("web_tour.tours").add("property_crm_consultant_deposit_subscription", {
    steps: () => [
        {
            content: "The home screen is the daily meeting: leave its filters of the day",
            trigger: ".o_searchview_facet:has(.fa-filter) .o_facet_remove",
            run: "click",
        },
        {
            content: "and its grouping by consultant",
            trigger: ".o_searchview:not(:has(.fa-filter)) .o_searchview_facet:has(.oi-group) .o_facet_remove",
            run: "click",
        },
        {
            content: "Open today's visitor",
            trigger:
                ".o_action:has(.o_searchview:not(:has(.o_searchview_facet))) .o_data_row td[name='contact_name']:contains('巡检客户')",
            run: "click",
        },
        {
            content: "Take a deposit for this customer",
            trigger: ".o_form_view button[name='action_new_deposit']",
            run: "click",
        },
        {
            content: "The project and the customer are filled in",
            trigger:
                ".o_form_view .o_field_widget[name='partner_id'] input:value('巡检客户')",
        },
        {
            content: "Type the amount",
            trigger: ".o_form_view .o_field_widget[name='amount'] input",
            run: "edit 50000 && press Tab",
        },
        {
            content: "Submit it",
            trigger: ".o_form_view button[name='action_submit']",
            run: "click",
        },
        {
            content: "At the standard, the deposit is approved for the cashier",
            trigger:
                ".o_form_view .o_statusbar_status button.o_arrow_button_current[data-value='approved']",
        },
        {
            content: "Back to the customer",
            trigger: ".o_breadcrumb .breadcrumb-item.o_back_button",
            run: "click",
        },
        {
            content: "Open the customer's subscriptions",
            trigger: ".o_form_view button[name='action_view_subscriptions']",
            run: "click",
        },
        {
            content: "New subscription",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Choose the unit the secretary locked",
            trigger: ".o_form_view .o_field_widget[name='unit_id'] input",
            run: "edit 1-1503",
        },
        {
            content: "Pick it",
            trigger: ".o-autocomplete--dropdown-item:contains('1-1503')",
            run: "click",
        },
        {
            content: "Choose the customer",
            trigger: ".o_form_view .o_field_widget[name='partner_id'] input",
            run: "edit 巡检客户",
        },
        {
            content: "Pick the customer",
            trigger: ".o-autocomplete--dropdown-item:contains('巡检客户')",
            run: "click",
        },
        {
            content: "The customer's paid deposit is proposed",
            trigger: ".o_form_view .o_field_widget[name='deposit_id'] input:value('DJ')",
        },
        {
            content: "Confirm the subscription",
            trigger: ".o_form_view button[name='action_confirm']",
            run: "click",
        },
        {
            content: "The subscription is confirmed",
            trigger:
                ".o_form_view .o_statusbar_status button.o_arrow_button_current[data-value='confirmed']",
        },
    ],
});
