/**
 * What the engine and the services say, as a key into the catalogues (messages/*.json) with typed
 * parameters, never as an English sentence: the page that shows it translates it for its viewer.
 * Client-safe and JSON-safe (a message is stored on an event or a notification as it is).
 */
import type en from "../../messages/en.json";

type Paths<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Paths<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Every key the English catalogue has ("order.events.ORDER_PLACED"); the other catalogues have the same. */
export type MessageKey = Paths<typeof en>;

/** An amount in minor units with its currency: formatted for the viewer's language. */
export interface MoneyParam {
  money: number;
  currency: string;
}
/** An instant (ISO 8601): a date and time in the viewer's zone. */
export interface AtParam {
  at: string;
}
/** An instant whose calendar day matters (an expected arrival): the day in the viewer's zone. */
export interface DayParam {
  day: string;
}
/** A platform cut-off in Los Angeles: shown in Los Angeles time and in the viewer's zone. */
export interface CutoffParam {
  cutoff: string;
}
/** Several values as one list for the language ("A, B and C", "A、B和C"). */
export interface ListParam {
  list: MessageParam[];
}
/** A length of time in milliseconds: "2 h 55 min", "2 小時 55 分". */
export interface DurationParam {
  duration: number;
}

/**
 * A name, an order code or an id is shown as it is; a number is formatted for the language; a
 * nested message (a reason, a role, a clause) is translated first.
 */
export type MessageParam = string | number | MoneyParam | AtParam | DayParam | CutoffParam | DurationParam | ListParam | Message;

export interface Message {
  key: MessageKey;
  params?: Record<string, MessageParam>;
}

/** `m("order.events.CANCEL_REQUESTED", { reason: m(...), by: at(respondBy) })`. */
export function m(key: MessageKey, params?: Record<string, MessageParam>): Message {
  return params ? { key, params } : { key };
}

export const at = (date: Date): AtParam => ({ at: date.toISOString() });
export const cutoff = (date: Date): CutoffParam => ({ cutoff: date.toISOString() });
export const day = (date: Date): DayParam => ({ day: date.toISOString() });
export const money = (minor: number, currency: string): MoneyParam => ({ money: minor, currency });
export const list = (items: MessageParam[]): ListParam => ({ list: items });
export const duration = (ms: number): DurationParam => ({ duration: ms });

export function isMessage(value: unknown): value is Message {
  return typeof value === "object" && value !== null && typeof (value as Message).key === "string";
}

/**
 * A message read back from the database: events and notifications written before messages were
 * keys hold only their English sentence (column `summary`/`title`/`body`), and render as it.
 */
export function parseStoredMessage(json: string | null | undefined): Message | null {
  if (!json) return null;
  try {
    const value: unknown = JSON.parse(json);
    return isMessage(value) ? value : null;
  } catch {
    return null;
  }
}

/**
 * One message per value of an enum, keyed `<namespace>.<VALUE>` ("engine.status.UNPAID"); the
 * compiler checks every such key is in the English catalogue.
 */
export function labelsOf<const N extends string, const K extends string>(namespace: N, values: readonly K[] & (`${N}.${K}` extends MessageKey ? unknown : never)): Record<K, Message> {
  return Object.fromEntries(values.map((value) => [value, { key: `${namespace}.${value}` as MessageKey }])) as Record<K, Message>;
}
