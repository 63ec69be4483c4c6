import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("mall_promotion_floor_tour", {
    steps: () => [
        {
            content: "The floor promotion is a draft",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='draft']",
        },
        {
            content: "Apply for it: submit it for approval",
            trigger: "button[name='action_submit']",
            run: "click",
        },
        {
            content: "It is in the approval chain",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='review']",
        },
    ],
});
