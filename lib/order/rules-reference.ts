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

/** The language the reference is written in: the caller's translator (lib/i18n) for the document's words, the engine's messages and the rules' sentences. */
export interface ReferenceWords {
  /** A key under "rulesDoc." (the document's own words). */
  t: (key: string, params?: Record<string, string | number>) => string;
  render: (message: Message) => string;
  /** A rule's sentence in the language. */
  rule: (rule: RuleEntry) => string;
}

const { US, GLOBAL } = POLICIES;

/** What each deadline counts from, and how long it is in a profile. Keyed by every deadline kind; reminders are listed apart. */
function deadlineLength(kind: DeadlineKind, p: Policy, w: ReferenceWords): string {
  const d = (duration: Duration) => w.render(describeDuration(duration, p));
  switch (kind) {
    case "PAYMENT":
      return d(p.paymentWindow);
    case "REMORSE_WINDOW":
      return d(p.remorseWindow);
    case "AUTO_APPROVE_WINDOW":
      return w.t("autoApproveLength");
    case "CANCEL_REQUEST_ANSWER":
      return d(p.cancelRequestAnswer);
    case "DISPATCH":
      return cutoff(p, p.dispatchDeadline, w);
    case "DISPATCH_AUTO_CANCEL":
      return cutoff(p, p.dispatchAutoCancel, w);
    case "CARRIER_PICKUP":
      return d(p.carrierPickup);
    case "DELIVERY":
      return d(p.delivery);
    case "PARCEL_LOST":
      return d(p.lostParcelAfter);
    case "RETURN_WINDOW":
      return d(p.returnWindow);
    case "SELLER_REVIEW":
      return d(p.sellerReview);
    case "OFFER_ANSWER":
      return d(p.offerAnswer);
    case "SHIP_BACK":
      return d(p.shipBack);
    case "RETURN_TRANSIT":
    case "REFUSED_PARCEL_TRANSIT":
      return d(p.returnTransit);
    case "INSPECTION":
    case "REFUSAL_INSPECTION":
      return d(p.inspection);
    case "DISPUTE_FILING":
    case "CANCEL_DISPUTE_FILING":
      return d(p.disputeFiling);
    case "APPEAL_WINDOW":
      return d(p.appealWindow);
    case "REFUND_ARRIVAL":
      return PAYMENT_METHODS.map((m) =>
        w.t("refundArrival", { method: w.render(PAYMENT_METHOD_LABELS[m]), time: "hours" in p.refundArrival[m] && p.refundArrival[m].hours === 0 ? w.t("atOnce") : d(p.refundArrival[m]) }),
      ).join(", ");
    case "REFUND_OVERDUE":
      return d(p.refundOverdueAfter);
    default:
      return "";
  }
}

/** "23:59 Los Angeles time on the 2nd business day after". */
function cutoff(policy: Policy, duration: Duration, w: ReferenceWords): string {
  const n = "days" in duration ? duration.days : "businessDays" in duration ? duration.businessDays : duration.hours;
  return w.t("cutoff", { us: policy.businessCalendar === "US" ? "yes" : "no", n });
}

const yesNo = (value: boolean, w: ReferenceWords) => w.t(value ? "yes" : "no");

/** The settings that are not deadlines, side by side. */
const SETTINGS: [string, (policy: Policy, w: ReferenceWords) => string][] = [
  ["businessDays", (p, w) => w.t(p.businessCalendar === "US" ? "setting.businessDays.us" : "setting.businessDays.global")],
  ["orderDate", (p, w) => w.t(p.businessCalendar === "US" ? "setting.orderDate.us" : "setting.orderDate.global")],
  ["reminder", (p, w) => w.render(describeDuration(p.reminderLead, p))],
  ["cancelRequestArranged", (p, w) => yesNo(p.cancelRequestInAwaitingCollection, w)],
  ["sellerCancelArranged", (p, w) => yesNo(p.sellerCancelInAwaitingCollection, w)],
  ["autoReject", (p, w) => w.t(`setting.autoReject.${p.cancelRequestAutoRejectedAt}`)],
  ["preDelivery", (p, w) => (p.preDeliveryRefund ? w.t("setting.preDelivery.yes") : w.t("no"))],
  ["protection", (p, w) => (p.buyerProtection ? w.t("setting.protection.until", { duration: w.render(describeDuration(p.buyerProtection, p)) }) : w.t("no"))],
  ["estimated", (p, w) => w.t("setting.estimated.value", { cutoff: cutoff(p, p.estimatedDelivery, w) })],
  ["label", (p) => formatMoney(p.returnPostageMinor, "USD")],
  ["postage", (p, w) => w.t(`setting.postage.${p.changeOfMindPostage}`)],
  ["methods", (p, w) => p.returnMethods.map((m) => w.t(`setting.methods.${m}`)).join(w.t("allows.separator"))],
  ["fee", (_p, w) => w.t("setting.fee.value")],
  ["supportDecision", (p, w) => w.render(describeDuration(p.supportDecision, p))],
  ["infoAnswer", (p, w) => w.render(describeDuration(p.infoAnswer, p))],
];

const anchor = (section: RulesSection, w: ReferenceWords) => `<a id="${section}"></a>\n## ${w.t(`section.${section}`)}`;
const link = (section: RulesSection, w: ReferenceWords) => `[${w.t(`section.${section}`)}](#${section})`;
const page = (key: PlatformPage) => `[${PLATFORM_PAGES[key].title}](${PLATFORM_PAGES[key].url})`;
const cell = (text: string) => text.replace(/\|/g, "\\|");
const table = (head: string[], rows: string[][]) => [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`, ...rows.map((row) => `| ${row.map(cell).join(" | ")} |`)].join("\n");
const code = (text: string) => `\`${text}\``;

function ruleLine(rule: RuleEntry, w: ReferenceWords): string {
  const extra = [
    w.t("line.commands", { list: rule.commands.map(code).join(", ") }),
    ...(rule.source.platform?.length ? [w.t("line.platform", { list: rule.source.platform.map(page).join("; ") })] : []),
    ...(rule.source.also?.length ? [w.t("line.seeAlso", { list: rule.source.also.map((section) => link(section, w)).join(", ") })] : []),
    w.t("line.test", { file: code(rule.test.file), title: rule.test.title }),
  ];
  return `- <a id="rule-${rule.id}"></a>**${rule.id}** ${w.rule(rule)}\n  <br>${extra.join(" · ")}`;
}

function rulesOf(section: RulesSection, w: ReferenceWords): string {
  const rules = RULE_INDEX.filter((rule) => rule.source.section === section);
  return rules.length ? `### ${w.t("rulesHeading")}\n\n${rules.map((rule) => ruleLine(rule, w)).join("\n")}` : "";
}

function statuses(w: ReferenceWords): string {
  return table(
    [w.t("head.status"), w.t("head.name"), w.t("head.final")],
    ORDER_STATUSES.map((s) => [code(s), w.render(STATUS_LABELS[s]), yesNo(FINAL_STATUSES.includes(s), w)]),
  );
}

function deadlines(w: ReferenceWords): string {
  const rows = DEADLINE_KINDS.filter((kind) => !isReminder(kind)).map((kind) => {
    const command = DEADLINE_COMMANDS[kind]("ref").type;
    return [
      code(kind),
      w.render(DEADLINE_LABELS[kind]),
      w.t("countsFrom", { from: w.t(`from.${kind}`) }),
      deadlineLength(kind, US, w),
      deadlineLength(kind, GLOBAL, w),
      `${code(command)} (${w.render(commandLabel(command))})`,
      w.t(`scope.${DEADLINE_SCOPES[kind]}`),
    ];
  });
  const reminders = DEADLINE_KINDS.filter(isReminder).map(code).join(", ");
  return [
    table([w.t("head.deadline"), w.t("head.what"), w.t("head.counts"), w.render(US.label), w.render(GLOBAL.label), w.t("head.platformSends"), w.t("head.belongsTo")], rows),
    w.t("reminders", { kinds: reminders, lead: w.render(describeDuration(US.reminderLead)) }),
    w.t("autoApprove", { list: AUTO_APPROVE_WINDOWS.map((window) => `${window} (${w.render(AUTO_APPROVE_WINDOW_LABELS[window])})`).join("; ") }),
  ].join("\n\n");
}

function settings(w: ReferenceWords): string {
  return table([w.t("head.setting"), w.render(US.label), w.render(GLOBAL.label)], SETTINGS.map(([name, value]) => [w.t(`setting.${name}.name`), value(US, w), value(GLOBAL, w)]));
}

function reasons(w: ReferenceWords): string {
  return REASON_KINDS.map((kind) =>
    [
      `### ${kind}`,
      table(
        [w.t("head.key"), w.t("head.label"), w.t("head.validIn"), w.t("head.atFault"), ...(kind === "RETURN_REFUND" ? [w.t("head.allows")] : []), w.t("head.platformKey")],
        reasonsOfKind(kind).map((r) => [
          code(r.key),
          w.render(r.label),
          r.statuses.map(code).join(", "),
          r.sellerFaultOnceLate ? w.t("fault.sellerOnceLate") : w.t(`fault.${r.fault}`),
          ...(kind === "RETURN_REFUND" ? [allows(r, w)] : []),
          r.platformKey ? code(r.platformKey) : w.t("noPlatformKey"),
        ]),
      ),
    ].join("\n\n"),
  ).join("\n\n");
}

/** "refund only; a written description": what a refund or return reason requires. */
function allows(reason: Reason, w: ReferenceWords): string {
  const rule = reason.request;
  if (!rule) return "";
  const [first, second] = rule.caseTypes.map((type) => w.t(`allows.${type}`));
  const types = second ? w.t("allows.or", { a: first!, b: second }) : first!;
  return [types, ...(rule.minPhotos ? [w.t("allows.minPhotos", { n: rule.minPhotos })] : []), ...(rule.describe ? [w.t("allows.describe")] : [])].join(w.t("allows.separator"));
}

function commands(w: ReferenceWords): string {
  return table(
    [w.t("head.command"), w.t("head.button"), w.t("head.who"), w.t("head.from"), w.t("head.to")],
    Object.entries(TRANSITIONS).map(([type, rule]) => [
      code(type),
      w.render(commandLabel(type as CommandType)),
      rule.roles.map((role) => w.render(ROLE_LABELS[role])).join(", "),
      rule.from.length === ORDER_STATUSES.length ? w.t("anyStatus") : rule.from.map(code).join(", "),
      rule.to.length ? rule.to.map(code).join(", ") : w.t("unchanged"),
    ]),
  );
}

function platformPages(): string {
  return (Object.keys(PLATFORM_PAGES) as PlatformPage[]).map((key) => `- ${code(key)}: ${page(key)}`).join("\n");
}

const BODIES: Record<RulesSection, (w: ReferenceWords) => string> = {
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

/**
 * The whole document in one language, deterministic (no dates), so that a test can compare it with
 * the file. `others` are links to the same document in the other languages.
 */
export function renderRulesReference(w: ReferenceWords, others: { name: string; href: string }[] = []): string {
  const all = Object.keys(RULES_SECTIONS) as RulesSection[];
  const sections = all.map((section) => [anchor(section, w), BODIES[section](w), rulesOf(section, w)].filter(Boolean).join("\n\n"));
  return (
    [
      `# ${w.t("title")}`,
      w.t("intro", { command: code("npm run docs:rules"), source: code("lib/order/rules-reference.ts"), test: code("npm test"), anchor: code("docs/rules.md#<section>") }),
      ...(others.length ? [w.t("languages", { links: others.map((other) => `[${other.name}](${other.href})`).join(" · ") })] : []),
      w.t("contents", { links: all.map((section) => link(section, w)).join(" · ") }),
      ...sections,
    ].join("\n\n") + "\n"
  );
}
