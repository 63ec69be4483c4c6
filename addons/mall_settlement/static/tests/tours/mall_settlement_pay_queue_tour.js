import {registry} from "@web/core/registry";

// The cashier lands on the payment queue and pays it (按队列付款) with the funds available.
registry.category("web_tour.tours").add("mall_settlement_pay_queue_tour", {
    steps: () => [
        {
            content: "The payment queue lists the invoiced statement",
            trigger: ".o_data_row td:contains('杭州丝语服饰有限公司')",
        },
        {
            content: "Pay the queue",
            trigger: "button.o_settlement_pay_queue",
            run: "click",
        },
        {
            content: "Enter the funds available",
            trigger: ".modal .o_field_widget[name='amount'] input",
            run: "edit 100000",
        },
        {
            content: "Pay in queue order",
            trigger: ".modal button[name='action_pay']",
            run: "click",
        },
        {
            content: "The paid statements are shown (a list without the queue's button)",
            trigger: ".o_list_view:not(:has(button.o_settlement_pay_queue)) .o_data_row td:contains('杭州丝语服饰有限公司')",
        },
        {
            content: "No dialog is left open",
            trigger: "body:not(:has(.modal))",
        },
    ],
});
