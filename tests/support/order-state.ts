import { isMessage, type Message } from "@/lib/i18n/message";
import { english } from "@/lib/i18n/translator";
/** Builds machine states for unit tests: an order that has reached `status` in the ordinary way. */
import { POLICIES, decide, evolve, placedOrder, type Actor, type Command, type Decision, type OrderState, type OrderStatus, type Policy, type Role } from "@/lib/order";

export const PAID_AT = new Date("2026-03-02T17:00:00Z"); // Monday 09:00 in Los Angeles
export const at = (minutes: number) => new Date(PAID_AT.getTime() + minutes * 60_000);
export const HOUR = 60;
export const DAY = 24 * HOUR;

export const buyer: Actor = { role: "BUYER", id: "b1" };
export const seller: Actor = { role: "SELLER", id: "s1-seller" };
export const support: Actor = { role: "SUPPORT", id: "agent-1" };
export const system: Actor = { role: "SYSTEM", id: null };
export const actorFor = (role: Role): Actor => ({ BUYER: buyer, SELLER: seller, SUPPORT: support, SYSTEM: system })[role];

const ORDER_OF_STATUSES: OrderStatus[] = ["UNPAID", "ON_HOLD", "AWAITING_SHIPMENT", "AWAITING_COLLECTION", "IN_TRANSIT", "DELIVERED", "COMPLETED"];

/**
 * An order in `status`, paid at PAID_AT (Monday 09:00 LA), its remorse hour over at +60 min, arranged
 * a day later, picked up 4 hours after that, delivered 3 days later and completed when its return
 * window ends. CANCELLED is an ON_HOLD order the buyer cancelled.
 */
export function order(status: OrderStatus, overrides: Partial<OrderState> = {}, policy: Policy = POLICIES.US): OrderState {
  let state: OrderState = placedOrder(
    {
      id: "o1",
      code: "1001",
      buyerId: "b1",
      shopId: "s1",
      policyProfile: policy.key,
      autoApproveWindow: "OFF",
      currency: "USD",
      itemsMinor: 5000,
      shippingFeeMinor: 499,
      totalMinor: 5499,
      paymentMethod: "CARD",
      placedAt: at(-2),
      ...pick(overrides, ["autoApproveWindow", "paymentMethod", "itemsMinor", "shippingFeeMinor", "totalMinor"]),
    },
    policy,
  );
  const run = (command: Command, actor: Actor, now: Date) => {
    state = evolve(state, must(decide(state, command, actor, now, policy)));
  };
  const target = status === "CANCELLED" ? "ON_HOLD" : status;
  const steps = ORDER_OF_STATUSES.indexOf(target);
  if (steps >= 1) run({ type: "PAY" }, buyer, PAID_AT);
  if (steps >= 2) run({ type: "END_REMORSE_WINDOW" }, system, at(60));
  if (steps >= 3) run({ type: "ARRANGE_SHIPMENT" }, seller, at(DAY));
  if (steps >= 4) run({ type: "CARRIER_PICKUP" }, system, at(DAY + 4 * HOUR));
  if (steps >= 5) run({ type: "CARRIER_DELIVER" }, system, state.deadlines.DELIVERY!);
  if (steps >= 6) run({ type: "COMPLETE_ORDER" }, system, state.deadlines.RETURN_WINDOW!);
  if (status === "CANCELLED") run({ type: "BUYER_CANCEL", reasonKey: "no_longer_needed" }, buyer, at(10));
  return { ...state, ...overrides };
}

function pick<T extends object, K extends keyof T>(source: Partial<T>, keys: K[]): Partial<T> {
  return Object.fromEntries(keys.filter((key) => key in source).map((key) => [key, source[key]])) as Partial<T>;
}

export function must(result: ReturnType<typeof decide>): Decision {
  if (!result.ok) throw new Error(`expected a decision, got ${result.error.code}: ${say(result.error.reason)}`);
  return result;
}

/** Runs commands one after another, each on the state the last one left; returns every decision and the final state. */
export function play(start: OrderState, steps: [Command, Actor, Date][], policy: Policy = POLICIES.US) {
  let state = start;
  const decisions: Decision[] = [];
  for (const [command, actor, now] of steps) {
    const decision = must(decide(state, command, actor, now, policy));
    decisions.push(decision);
    state = evolve(state, decision);
  }
  return { state, decisions };
}

/** The engine's message in English, as tests read it. */
export function say(message: Message | string | false | null | undefined): string {
  if (typeof message === "string") return message;
  return message ? english().render(message) : "";
}

/** A refusal with its reason in English, or null for a decision. */
export function refusal(result: ReturnType<typeof decide>) {
  return result.ok ? null : { ...result.error, reason: say(result.error.reason) };
}

/** A value with every message in it said in English (effects, views), for matchers that read sentences. */
export function inEnglish<T>(value: T): unknown {
  // A message is exactly { key, params? } with a catalogue key (a reason view also has a `key`).
  if (isMessage(value) && value.key.includes(".") && Object.keys(value).every((k) => k === "key" || k === "params")) return say(value);
  if (value && typeof value === "object" && isParam(Object.keys(value))) return english().param(value as never);
  if (Array.isArray(value)) return value.map(inEnglish);
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inEnglish(v)]));
  return value;
}

/** A message parameter on its own: { at }, { day }, { cutoff } or { money, currency }. */
function isParam(keys: string[]): boolean {
  const shape = keys.sort().join(",");
  return shape === "at" || shape === "day" || shape === "cutoff" || shape === "currency,money";
}
