import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("mall_floor_manager_tour", {
    steps: () => [
        {
            content: "The home screen lists the counters of the manager's floor 2F",
            trigger: ".o_kanban_record:contains('2F-01')",
        },
        {
            content: "Only own floors: no counter of 1F, behind the My Floors filter",
            trigger:
                ".o_kanban_renderer:not(:has(.o_kanban_record:contains('1F-01'))):has(.o_kanban_record:contains('2F-01'))",
        },
        {
            content: "Remove the My Floors filter",
            trigger: ".o_searchview_facet .o_facet_remove",
            run: "click",
        },
        {
            content: "Open a counter of another floor",
            trigger: ".o_kanban_record:contains('1F-01')",
            run: "click",
        },
        {
            content: "It opens read-only, saying so",
            trigger:
                ".o_form_view:has(.o_mall_counter_read_only):not(:has(.o_field_widget[name='code'] input)):not(:has(.o_field_widget[name='area'] input))",
        },
    ],
});
