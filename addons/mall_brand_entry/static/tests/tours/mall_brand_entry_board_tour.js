import {registry} from "@web/core/registry";

const vote = [
    {
        content: "Vote for the brand",
        trigger: "button[name='validate_tier']",
        run: "click",
    },
    {
        content: "Give the vote's comment",
        trigger: ".modal .o_field_widget[name='comment'] input",
        run: "edit 同意引进",
    },
    {
        content: "Confirm the vote",
        trigger: ".modal button[name='add_comment']",
        run: "click",
    },
    {
        content: "The vote is cast: no vote left for me",
        trigger: "body:not(:has(.modal)):not(:has(button[name='validate_tier']))",
    },
];

registry.category("web_tour.tours").add("mall_brand_entry_submit_tour", {
    steps: () => [
        {
            content: "Submit the reserved brand to the board",
            trigger: "button[name='action_submit_board']",
            run: "click",
        },
        {
            content: "The board reviews it",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='board']",
        },
    ],
});

registry.category("web_tour.tours").add("mall_brand_entry_vote_tour", {
    steps: () => vote,
});

registry.category("web_tour.tours").add("mall_brand_entry_contract_tour", {
    steps: () => [
        ...vote,
        {
            content: "The board approved the brand",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='approved']",
        },
        {
            content: "Create the contract draft",
            trigger: "button[name='action_create_contract']",
            run: "click",
        },
        {
            content: "The contract draft opens, prefilled, ready to submit",
            trigger: ".o_form_view:has(.o_field_widget[name='commission_rate']) button[name='action_submit']",
        },
    ],
});
