/**
 * Where the rules come from, citable from the code: the sections of the generated rules reference
 * (docs/rules.md, `npm run docs:rules`) and the platform's published pages it rests on. A rule cites
 * them by key, so a citation of a section or page that does not exist fails to compile.
 */

/** The sections of docs/rules.md, in order (the key is the heading's anchor). */
export const RULES_SECTIONS = {
  statuses: "Order statuses",
  deadlines: "Deadlines, US and global",
  policy: "Other settings of each profile",
  cancellation: "Cancelling before shipment",
  "cancel-requests": "Cancel requests",
  shipping: "Shipping and delivery",
  "refused-parcel": "Refused parcels",
  returns: "Refund and return requests",
  money: "Money",
  refunds: "Refunds and the payment network",
  disputes: "Disputes and appeals",
  simulator: "The simulator",
  reasons: "Reasons",
  commands: "Every command",
  "platform-pages": "The platform's published pages",
} as const;
export type RulesSection = keyof typeof RULES_SECTIONS;

/** The platform's published pages the rules follow (the research notes with quotes are in the project's reference folder). */
export const PLATFORM_PAGES = {
  "order-api": { title: "Order API overview (statuses and transitions)", url: "https://partner.tiktokshop.com/docv2/page/order-api-overview" },
  "on-hold": { title: "Enable support for the new On Hold order status", url: "https://partner.tiktokshop.com/docv2/page/yb76cyzi" },
  "us-cancel-workflow": { title: "US only: order cancellation workflow updates", url: "https://partner.tiktokshop.com/docv2/page/us-only-order-cancellation-workflow-updates" },
  "auto-approval-window": { title: "Set up the cancellation auto-approval window", url: "https://seller-us.tiktok.com/university/essay?knowledge_id=3289374654859051" },
  "fulfillment-sla": { title: "Fulfillment requirement (SLA) for shipping orders", url: "https://seller-us.tiktok.com/university/essay?knowledge_id=8064131472115499" },
  "us-returns-policy": { title: "Customer order cancellation, return and refund policy (US)", url: "https://seller-us.tiktok.com/university/essay?identity=1&knowledge_id=3253210454181634" },
  "return-window": { title: "How to return an item on TikTok Shop", url: "https://business.tiktokshop.com/us/blog/detail/10021817" },
  "return-status": { title: "Return status change (webhook)", url: "https://partner.tiktokshop.com/docv2/page/12-return-status-change" },
  "cancel-reasons": { title: "Cancel reasons", url: "https://partner.tiktokshop.com/docv2/page/cancel-reasons" },
  "refund-reasons": { title: "Refund reasons", url: "https://partner.tiktokshop.com/docv2/page/refund-reasons" },
  "evidence-guide": { title: "After-sales evidence guide for appeals and disputes", url: "https://seller-us.tiktok.com/university/essay?knowledge_id=7042659022210829" },
  appeals: { title: "Appeal return/refund orders in Seller Center", url: "https://seller-us.tiktok.com/university/essay?knowledge_id=8338237340780289" },
  sfcr: { title: "Guide to the seller-fault cancellation rate", url: "https://seller-us.tiktok.com/university/essay?knowledge_id=7953001314830094" },
} as const;
export type PlatformPage = keyof typeof PLATFORM_PAGES;

/** Where a rule comes from: the reference section it is listed under, others it touches, and the published pages. */
export interface RuleSource {
  section: RulesSection;
  also?: RulesSection[];
  platform?: PlatformPage[];
}
