import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

const PROMOTION = "测试 浏览器 楼层促销";

const signOff = [
    {
        content: "Approve my step of the chain",
        trigger: "button[name='validate_tier']",
        run: "click",
    },
    {
        content: "My step is done: nothing left for me to approve",
        trigger: "body:not(:has(.modal)):not(:has(button[name='validate_tier']))",
    },
];

// The Floor Manager, from the home screen: the Promotions menu, the draft of the floor
// promotion, Submit for Approval, then signs as the floor's supervisor.
registry.category("web_tour.tours").add("mall_promotion_floor_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Marketing & Sales Operations app",
            trigger: ".o_app[data-menu-xmlid='marketing_base.menu_root']",
            run: "click",
        },
        {
            content: "Open the Promotions menu",
            trigger: ".o_menu_sections [data-menu-xmlid='mall_promotion.menu_promotion']",
            run: "click",
        },
        {
            content: "Open the promotions",
            trigger: ".dropdown-item[data-menu-xmlid='mall_promotion.menu_promotion_promotions']",
            run: "click",
        },
        {
            content: "Show them as a list",
            trigger: ".o_switch_view.o_list",
            run: "click",
        },
        {
            content: "Open the floor promotion drafted for my floor",
            trigger: `.o_data_row td.o_data_cell:contains('${PROMOTION}')`,
            run: "click",
        },
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
        ...signOff,
    ],
});

// The Marketing Head reviews, then the General Manager approves (same steps, each as
// its own user, on the promotion's form).
registry.category("web_tour.tours").add("mall_promotion_review_tour", {
    steps: () => signOff,
});

registry.category("web_tour.tours").add("mall_promotion_approve_tour", {
    steps: () => [
        ...signOff,
        {
            content: "The chain is complete: the promotion is approved",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='approved']",
        },
    ],
});
