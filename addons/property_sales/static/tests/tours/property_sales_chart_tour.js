import {rpc} from "@web/core/network/rpc";
import {registry} from "@web/core/registry";

async function callKw(model, method, args, kwargs = {}) {
    return rpc(`/web/dataset/call_kw/${model}/${method}`, {model, method, args, kwargs});
}

registry.category("web_tour.tours").add("property_sales_chart_live", {
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
            content: "The grid shows unit T-0101 available",
            trigger: ".o_property_cell.o_property_state_available[data-unit='T-0101']",
        },
        {
            content: "Four available units are counted",
            trigger: ".o_property_summary tr[data-state='available'] .o_property_count:contains('4')",
        },
        {
            content: "Another desk locks T-0101 (a server call outside the chart)",
            trigger: ".o_property_grid",
            run: async () => {
                const [unit] = await callKw("property.unit", "search_read", [
                    [["name", "=", "T-0101"]],
                    ["id"],
                ]);
                const [partner] = await callKw("res.partner", "search_read", [
                    [["name", "=", "巡检客户"]],
                    ["id"],
                ]);
                await callKw("property.unit", "lock_unit", [[unit.id], partner.id], {
                    id_number: "110101199001011237",
                });
            },
        },
        {
            content: "The cell turns to locked without reload",
            trigger: ".o_property_cell.o_property_state_locked[data-unit='T-0101']",
            timeout: 20000,
        },
        {
            content: "The side panel counts it",
            trigger: ".o_property_summary tr[data-state='locked'] .o_property_count:contains('1')",
        },
        {
            content: "Select an available unit",
            trigger: ".o_property_cell[data-unit='T-0202']",
            run: "click",
        },
        {
            content: "The secretary is offered to lock it",
            trigger: ".o_property_unit_panel .o_property_lock",
            run: "click",
        },
        {
            content: "The lock dialog opens for that unit",
            trigger: ".modal .o_field_widget[name='unit_id']:contains('T-0202')",
        },
    ],
});
