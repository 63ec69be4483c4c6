import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("property_crm_collision_warning", {
    steps: () => [
        {
            content: "Choose the project",
            trigger: ".o_field_widget[name='project_id'] input",
            run: "edit 巡检花园",
        },
        {
            content: "Pick it",
            trigger: ".o-autocomplete--dropdown-item:contains('巡检花园')",
            run: "click",
        },
        {
            content: "Type the visitor's name",
            trigger: ".o_field_widget[name='contact_name'] input",
            run: "edit 黄先生",
        },
        {
            content: "Type a phone another consultant owns",
            trigger: ".o_field_widget[name='phone'] input",
            run: "edit 138 0013 8000 && press Tab",
        },
        {
            content: "The masked warning names the owner and the days left",
            trigger: ".o_property_collision:contains('138****8000'):contains('李明'):contains('15')",
        },
        {
            content: "The full number is not shown",
            trigger: ".o_property_collision:not(:contains('13800138000'))",
        },
        {
            content: "Register the visit anyway: it is logged on the owner's customer",
            trigger: "button[name='action_register']",
            run: "click",
        },
        {
            content: "The consultant is told where the contact went",
            trigger: ".o_notification:contains('李明')",
        },
    ],
});
