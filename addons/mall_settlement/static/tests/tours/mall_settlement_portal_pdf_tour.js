import {registry} from "@web/core/registry";

// The supplier's contact opens its statement on the portal, reads the sales by day and
// by counter, and downloads the 结算单 PDF.
registry.category("web_tour.tours").add("mall_settlement_portal_pdf_tour", {
    steps: () => [
        {
            content: "Open the statement of March 2029",
            trigger: "a[href^='/my/settlements/']:contains('2029-03/')",
            run: "click",
        },
        {
            content: "The sales by day are shown",
            trigger: "#settlement_sales_by_day tbody tr:contains('30,000.00')",
        },
        {
            content: "The sales by counter are shown",
            trigger: "#settlement_sales_by_counter tbody tr:contains('女装岛柜')",
        },
        {
            content: "Download the statement (PDF)",
            trigger: "a[href*='report_type=pdf'][href*='download=true']",
            async run() {
                const response = await fetch(this.anchor.href);
                const type = response.headers.get("Content-Type");
                const disposition = response.headers.get("Content-Disposition") || "";
                if (!response.ok || type !== "application/pdf" || !disposition.includes("attachment")) {
                    throw new Error(`PDF download failed: ${response.status} ${type} ${disposition}`);
                }
            },
        },
    ],
});
