/**
 * The rules reference (docs/rules.md) as the engine knows it: every deadline of both policy profiles
 * side by side, the other settings, every rule with its test and the platform's pages it follows,
 * the reason catalogue and every command. `npm run docs:rules` writes it; a test fails when the file
 * is out of date, so the document cannot drift from the code.
 */
import type { Message } from "../i18n/message";
import type { DeadlineKind } from "./deadlines";
import { DEADLINE_KINDS, DEADLINE_LABELS, DEADLINE_SCOPES, isReminder } from "./deadlines";
import { FINAL_STATUSES, ORDER_STATUSES, PAYMENT_METHODS, PAYMENT_METHOD_LABELS, ROLE_LABELS, STATUS_LABELS } from "./model";
import { formatMoney } from "../money";
import { AUTO_APPROVE_WINDOW_LABELS, AUTO_APPROVE_WINDOWS, POLICIES, describeDuration, type Duration, type Policy } from "./policy";
import { REASON_KINDS, reasonsOfKind, type Reason } from "./reasons";
import { RULE_INDEX, type RuleEntry } from "./rule-index";
import { PLATFORM_PAGES, RULES_SECTIONS, type PlatformPage, type RulesSection } from "./sources";
import { DEADLINE_COMMANDS, TRANSITIONS } from "./transitions";
import { commandLabel } from "./machine";
import type { CommandType } from "./commands";

/** The language the reference is written in: the caller renders the engine's messages (lib/i18n). */
let say: (message: Message) => string = (message) => message.key;

const { US, GLOBAL } = POLICIES;

/** How long each deadline is in a profile, and from when it counts. Keyed by every deadline kind. */
const DEADLINE_RULES: Record<DeadlineKind, { from: string; length: (policy: Policy) => string }> = {
  PAYMENT: { from: "placement", length: (p) => say(describeDuration(p.paymentWindow, p)) },
  REMORSE_WINDOW: { from: "payment", length: (p) => say(describeDuration(p.remorseWindow, p)) },
  AUTO_APPROVE_WINDOW: { from: "the end of ON_HOLD", length: () => "the shop's setting: 1, 3 or 5 hours, or until arranged" },
  CANCEL_REQUEST_ANSWER: { from: "the cancel request", length: (p) => say(describeDuration(p.cancelRequestAnswer, p)) },
  DISPATCH: { from: "the order date (the date of payment)", length: (p) => cutoff(p, p.dispatchDeadline) },
  DISPATCH_AUTO_CANCEL: { from: "the order date (the date of payment)", length: (p) => cutoff(p, p.dispatchAutoCancel) },
  CARRIER_PICKUP: { from: "arranging shipment (simulated)", length: (p) => say(describeDuration(p.carrierPickup, p)) },
  DELIVERY: { from: "pickup (simulated)", length: (p) => say(describeDuration(p.delivery, p)) },
  PARCEL_LOST: { from: "the last scan (the pickup), once the simulated carrier loses the parcel", length: (p) => say(describeDuration(p.lostParcelAfter, p)) },
  RETURN_WINDOW: { from: "delivery", length: (p) => say(describeDuration(p.returnWindow, p)) },
  SELLER_REVIEW: { from: "the request (or a declined offer)", length: (p) => say(describeDuration(p.sellerReview, p)) },
  OFFER_ANSWER: { from: "the partial offer", length: (p) => say(describeDuration(p.offerAnswer, p)) },
  SHIP_BACK: { from: "the return's approval", length: (p) => say(describeDuration(p.shipBack, p)) },
  RETURN_TRANSIT: { from: "the return's shipping (simulated)", length: (p) => say(describeDuration(p.returnTransit, p)) },
  INSPECTION: { from: "the return's arrival", length: (p) => say(describeDuration(p.inspection, p)) },
  REFUSED_PARCEL_TRANSIT: { from: "the refusal (simulated)", length: (p) => say(describeDuration(p.returnTransit, p)) },
  REFUSAL_INSPECTION: { from: "the refused parcel's arrival", length: (p) => say(describeDuration(p.inspection, p)) },
  DISPUTE_FILING: { from: "the seller's rejection", length: (p) => say(describeDuration(p.disputeFiling, p)) },
  CANCEL_DISPUTE_FILING: { from: "the rejected cancel request", length: (p) => say(describeDuration(p.disputeFiling, p)) },
  APPEAL_WINDOW: { from: "support's decision for the buyer", length: (p) => say(describeDuration(p.appealWindow, p)) },
  REFUND_ARRIVAL: { from: "the refund", length: (p) => PAYMENT_METHODS.map((m) => `${say(PAYMENT_METHOD_LABELS[m])} ${"hours" in p.refundArrival[m] && p.refundArrival[m].hours === 0 ? "at once" : say(describeDuration(p.refundArrival[m], p))}`).join(", ") },
  REFUND_OVERDUE: { from: "the refund's expected arrival", length: (p) => say(describeDuration(p.refundOverdueAfter, p)) },
  PAYMENT_REMINDER: { from: "", length: () => "" },
  CANCEL_REQUEST_ANSWER_REMINDER: { from: "", length: () => "" },
  DISPATCH_REMINDER: { from: "", length: () => "" },
  DISPATCH_AUTO_CANCEL_REMINDER: { from: "", length: () => "" },
  SELLER_REVIEW_REMINDER: { from: "", length: () => "" },
  OFFER_ANSWER_REMINDER: { from: "", length: () => "" },
  SHIP_BACK_REMINDER: { from: "", length: () => "" },
  INSPECTION_REMINDER: { from: "", length: () => "" },
  REFUSAL_INSPECTION_REMINDER: { from: "", length: () => "" },
  DISPUTE_FILING_REMINDER: { from: "", length: () => "" },
  CANCEL_DISPUTE_FILING_REMINDER: { from: "", length: () => "" },
  APPEAL_WINDOW_REMINDER: { from: "", length: () => "" },
};

/** "23:59 Los Angeles time on the 2nd business day after". */
function cutoff(policy: Policy, duration: Duration): string {
  const count = "days" in duration ? duration.days : "businessDays" in duration ? duration.businessDays : duration.hours;
  const nth = `${count}${count === 1 ? "st" : count === 2 ? "nd" : count === 3 ? "rd" : "th"}`;
  return policy.businessCalendar === "US" ? `23:59 Los Angeles time on the ${nth} business day after` : `23:59 UTC on the ${nth} day after`;
}

const yesNo = (value: boolean) => (value ? "yes" : "no");

/** The settings that are not deadlines, side by side. */
const SETTINGS: [string, (policy: Policy) => string][] = [
  ["Business days", (p) => (p.businessCalendar === "US" ? "US business days: Los Angeles calendar dates, without weekends and US federal holidays (computed for every year); daylight saving never moves a date" : "calendar days, UTC")],
  ["The order date", (p) => (p.businessCalendar === "US" ? "the date of payment in Los Angeles" : "the date of payment in UTC")],
  ["Reminder before a person's deadline", (p) => say(describeDuration(p.reminderLead, p))],
  ["Buyer may ask to cancel once shipment is arranged", (p) => yesNo(p.cancelRequestInAwaitingCollection)],
  ["Seller may cancel once shipment is arranged (before pickup)", (p) => yesNo(p.sellerCancelInAwaitingCollection)],
  ["A pending cancel request is rejected automatically when", (p) => (p.cancelRequestAutoRejectedAt === "ARRANGE_SHIPMENT" ? "the seller arranges shipment" : "the carrier picks the parcel up")],
  ["Buyer may ask for a refund before delivery", (p) => (p.preDeliveryRefund ? "yes, \"won't arrive on time\", once the estimated delivery date has passed" : "no")],
  ["Buyer Protection after the return window (damaged, defective, missing parts)", (p) => (p.buyerProtection ? `until ${say(describeDuration(p.buyerProtection, p))} after delivery, refunded from the seller's balance` : "no")],
  ["Estimated delivery date shown to the buyer", (p) => cutoff(p, p.estimatedDelivery) + " the order date"],
  ["Return label price", (p) => formatMoney(p.returnPostageMinor, "USD")],
  ["Return postage for a change of mind is paid by", (p) => (p.changeOfMindPostage === "BUYER" ? "the buyer (kept from the refund)" : "the platform")],
  ["How a return travels", (p) => p.returnMethods.map((m) => (m === "PREPAID_LABEL" ? "prepaid label (default)" : "self-arranged, with carrier and tracking")).join("; ")],
  ["A shop's change-of-mind return fee", () => "disclosed on the order, kept from a change-of-mind refund for the seller (default none)"],
  ["Support aims to decide a dispute within (no timer)", (p) => say(describeDuration(p.supportDecision, p))],
  ["A party asked for more information is asked to answer within (no timer)", (p) => say(describeDuration(p.infoAnswer, p))],
];

const anchor = (section: RulesSection) => `<a id="${section}"></a>\n## ${RULES_SECTIONS[section]}`;
const link = (section: RulesSection) => `[${RULES_SECTIONS[section]}](#${section})`;
const page = (key: PlatformPage) => `[${PLATFORM_PAGES[key].title}](${PLATFORM_PAGES[key].url})`;
const cell = (text: string) => text.replace(/\|/g, "\\|");
const table = (head: string[], rows: string[][]) => [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`, ...rows.map((row) => `| ${row.map(cell).join(" | ")} |`)].join("\n");

function ruleLine(rule: RuleEntry): string {
  const extra = [
    `commands: ${rule.commands.map((c) => `\`${c}\``).join(", ")}`,
    ...(rule.source.platform?.length ? [`platform: ${rule.source.platform.map(page).join("; ")}`] : []),
    ...(rule.source.also?.length ? [`see also: ${rule.source.also.map(link).join(", ")}`] : []),
    `test: \`${rule.test.file}\` › “${rule.test.title}”`,
  ];
  return `- **${rule.id}** ${rule.sentence}\n  <br>${extra.join(" · ")}`;
}

function rulesOf(section: RulesSection): string {
  const rules = RULE_INDEX.filter((rule) => rule.source.section === section);
  return rules.length ? `### Rules\n\n${rules.map(ruleLine).join("\n")}` : "";
}

function statuses(): string {
  return table(
    ["Status", "Name", "Final"],
    ORDER_STATUSES.map((s) => [`\`${s}\``, say(STATUS_LABELS[s]), yesNo(FINAL_STATUSES.includes(s))]),
  );
}

function deadlines(): string {
  const rows = DEADLINE_KINDS.filter((kind) => !isReminder(kind)).map((kind) => {
    const rule = DEADLINE_RULES[kind];
    const command = DEADLINE_COMMANDS[kind]("ref").type;
    return [`\`${kind}\``, say(DEADLINE_LABELS[kind]), `from ${rule.from}`, rule.length(US), rule.length(GLOBAL), `\`${command}\` (${say(commandLabel(command))})`, DEADLINE_SCOPES[kind].toLowerCase()];
  });
  const reminders = DEADLINE_KINDS.filter(isReminder).map((kind) => `\`${kind}\``).join(", ");
  return [
    table(["Deadline", "What it is", "Counts", say(US.label), say(GLOBAL.label), "On it, the platform sends", "Belongs to"], rows),
    `Reminders (${reminders}) go to whoever must act, ${say(describeDuration(US.reminderLead))} before their deadline (both profiles). ` +
      "A deadline that belongs to the order ends when the order is final; one that belongs to a case, refund or dispute goes on after it.",
    `The shop's auto-approve window: ${AUTO_APPROVE_WINDOWS.map((w) => `${w} (${say(AUTO_APPROVE_WINDOW_LABELS[w])})`).join("; ")}.`,
  ].join("\n\n");
}

function settings(): string {
  return table(["Setting", say(US.label), say(GLOBAL.label)], SETTINGS.map(([name, value]) => [name, value(US), value(GLOBAL)]));
}

function reasons(): string {
  return REASON_KINDS.map((kind) =>
    [
      `### ${kind}`,
      table(
        ["Key", "Label", "Valid in", "At fault", ...(kind === "RETURN_REFUND" ? ["Allows"] : []), "Platform key"],
        reasonsOfKind(kind).map((r) => [
          `\`${r.key}\``,
          say(r.label),
          r.statuses.map((s) => `\`${s}\``).join(", "),
          r.sellerFaultOnceLate ? "seller once the dispatch deadline has passed, else buyer" : r.fault.toLowerCase(),
          ...(kind === "RETURN_REFUND" ? [allows(r)] : []),
          r.platformKey ? `\`${r.platformKey}\`` : "the simulator's own (no published key)",
        ]),
      ),
    ].join("\n\n"),
  ).join("\n\n");
}

/** "refund only; a written description" — what a refund or return reason requires. */
function allows(reason: Reason): string {
  const rule = reason.request;
  if (!rule) return "";
  const types = rule.caseTypes.map((type) => (type === "REFUND_ONLY" ? "refund only" : "return and refund")).join(" or ");
  return [types, ...(rule.minPhotos ? [`at least ${rule.minPhotos} photo`] : []), ...(rule.describe ? ["a written description"] : [])].join("; ");
}

function commands(): string {
  return table(
    ["Command", "Button", "Who", "From", "To"],
    Object.entries(TRANSITIONS).map(([type, rule]) => [
      `\`${type}\``,
      say(commandLabel(type as CommandType)),
      rule.roles.map((role) => say(ROLE_LABELS[role])).join(", "),
      rule.from.length === ORDER_STATUSES.length ? "any status" : rule.from.map((s) => `\`${s}\``).join(", "),
      rule.to.length ? rule.to.map((s) => `\`${s}\``).join(", ") : "(status unchanged)",
    ]),
  );
}

function platformPages(): string {
  return (Object.keys(PLATFORM_PAGES) as PlatformPage[]).map((key) => `- \`${key}\`: ${page(key)}`).join("\n");
}

const BODIES: Record<RulesSection, () => string> = {
  statuses,
  deadlines,
  policy: settings,
  cancellation: () => "",
  "cancel-requests": () => "",
  shipping: () => "",
  "refused-parcel": () => "",
  returns: () => "",
  money: () => "",
  refunds: () => "",
  disputes: () => "",
  simulator: () => "",
  reasons,
  commands,
  "platform-pages": platformPages,
};

/** The whole document, deterministic (no dates), so that a test can compare it with the file. `render` speaks the engine's messages. */
export function renderRulesReference(render: (message: Message) => string): string {
  say = render;
  const sections = (Object.keys(RULES_SECTIONS) as RulesSection[]).map((section) => [anchor(section), BODIES[section](), rulesOf(section)].filter(Boolean).join("\n\n"));
  return [
    "# Rules reference",
    "Generated from the rule engine by `npm run docs:rules` (`lib/order/rules-reference.ts`). Do not edit it by hand: `npm test` fails when it is out of date. " +
      "Refund Lab simulates TikTok Shop's published rules; it is not affiliated with TikTok. Code and tests cite this file's sections (`docs/rules.md#<section>`) and the platform's published pages listed at the end.",
    `Contents: ${(Object.keys(RULES_SECTIONS) as RulesSection[]).map(link).join(" · ")}`,
    ...sections,
  ].join("\n\n") + "\n";
}
