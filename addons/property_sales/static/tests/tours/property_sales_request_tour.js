import {registry} from "@web/core/registry";

// A consultant asks for a lock on the sales-control chart: a small form with the customer
// and the ID card number; the chart then shows who asked.
registry.category("web_tour.tours").add("property_sales_consultant_asks_lock", {
    steps: () => [
        {
            content: "Open the building",
            trigger: ".o_data_row td:contains('巡检楼')",
            run: "click",
        },
        {
            content: "Open its sales-control chart",
            trigger: "button[name='action_open_sales_chart']",
            run: "click",
        },
        {
            content: "Select an available unit on the chart",
            trigger: ".o_property_cell.o_property_state_available[data-unit='T-0201']",
            run: "click",
        },
        {
            content: "Ask for a lock",
            trigger: ".o_property_unit_panel .o_property_request",
            run: "click",
        },
        {
            content: "The request form opens for that unit: choose the customer",
            trigger: ".modal .o_field_widget[name='partner_id'] input",
            run: "edit 巡检客户",
        },
        {
            content: "Pick the customer",
            trigger: ".o-autocomplete--dropdown-item:contains('巡检客户')",
            run: "click",
        },
        {
            content: "Type the ID card number held",
            trigger: ".modal .o_field_widget[name='id_number_entry'] input",
            run: "edit 110101199001011237",
        },
        {
            content: "Send it to the secretary",
            trigger: ".modal .modal-footer button.btn-primary",
            run: "click",
        },
        {
            content: "The chart shows the unit is asked for, and by whom",
            trigger: ".o_property_cell[data-unit='T-0201'] .o_property_requested:contains('李明')",
        },
    ],
});
