/**
 * Collects the messages the engine returns (refusals, events, notifications, actions) and checks each
 * one: its key is in every catalogue, it renders in every language with every placeholder filled, and
 * rendered in Chinese it has no English left but names, codes and the free text people typed.
 */
import { createTranslator } from "use-intl/core";
import { CATALOGUES } from "@/lib/i18n/catalogues";
import { createFormat } from "@/lib/i18n/format";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { isMessage, type Message } from "@/lib/i18n/message";
import { renderMessage, type Translate } from "@/lib/i18n/render";

/** Words a Chinese sentence may carry as they are: brands, units, codes, zone names. */
const ALLOWED_WORDS = new Set(["US", "USPS", "USD", "UTC", "GMT", "PST", "PDT", "PayPal", "USPS", "UPS", "FedEx", "DHL", "SFCR", "ODR", "ID", "MB", "KB", "JPEG", "PNG", "WebP"]);

/** A message exactly: { key, params? } with a dotted catalogue key. */
function asMessage(value: unknown): Message | null {
  return isMessage(value) && value.key.includes(".") && Object.keys(value).every((k) => k === "key" || k === "params") ? value : null;
}

function strict(locale: Locale): (message: Message) => string {
  const translator = createTranslator({
    locale,
    messages: CATALOGUES[locale],
    timeZone: "Asia/Taipei",
    onError: (error) => {
      throw error;
    },
  });
  const t: Translate = (key, params) => (translator as unknown as Translate)(key, params);
  const f = createFormat(locale, "Asia/Taipei", t);
  return (message) => renderMessage(message, t, f);
}

const RENDER = Object.fromEntries(LOCALES.map((locale) => [locale, strict(locale)])) as Record<Locale, (message: Message) => string>;

/** Every string in a value (a state, a command): the names and free text a sentence may quote. */
export function stringsIn(value: unknown, out = new Set<string>()): Set<string> {
  if (typeof value === "string") out.add(value);
  else if (Array.isArray(value)) for (const item of value) stringsIn(item, out);
  else if (value && typeof value === "object" && !(value instanceof Date)) for (const item of Object.values(value)) stringsIn(item, out);
  return out;
}

export class MessageAudit {
  /** Up to three samples per key, each with the strings its context allowed. */
  readonly samples = new Map<string, { message: Message; allowed: Set<string> }[]>();
  /** Values that should have been messages and were plain English (a refusal's reason, an event's summary). */
  readonly plain: string[] = [];

  /** Takes every message found anywhere in `value`; `allowed` are the strings it may quote. */
  add(value: unknown, allowed: Set<string>, where: string): void {
    const message = asMessage(value);
    if (message) {
      const list = this.samples.get(message.key) ?? [];
      if (list.length < 3) list.push({ message, allowed });
      this.samples.set(message.key, list);
      for (const param of Object.values(message.params ?? {})) this.add(param, allowed, where);
      return;
    }
    if (Array.isArray(value)) for (const item of value) this.add(item, allowed, where);
    else if (value && typeof value === "object" && !(value instanceof Date)) {
      for (const [name, item] of Object.entries(value)) {
        // A sentence field holding a plain string is English the pages cannot translate.
        if (typeof item === "string" && ["reason", "summary", "title", "body", "label"].includes(name) && /\s/.test(item)) this.plain.push(`${where}: ${name} = ${item}`);
        else this.add(item, allowed, where);
      }
    }
  }

  /** What is wrong with the collected messages, one line each. */
  problems(): string[] {
    const out: string[] = [...this.plain];
    for (const [key, samples] of this.samples) {
      for (const { message, allowed } of samples) {
        for (const locale of LOCALES) {
          let text: string;
          try {
            text = RENDER[locale](message);
          } catch (error) {
            out.push(`${key} (${locale}): ${(error as Error).message}`);
            continue;
          }
          if (text === key || /\{[a-zA-Z]+\}/.test(text)) out.push(`${key} (${locale}): rendered as "${text}"`);
          if (locale === "en") continue;
          // What is left after the quoted names and free text are taken out must be Chinese.
          let rest = text;
          for (const quoted of [...allowed].sort((a, b) => b.length - a.length)) {
            if (quoted.length < 2) continue;
            // Whole words only ("US" is a profile, not the start of "USPS").
            const before = /^[A-Za-z]/.test(quoted) ? "(?<![A-Za-z])" : "";
            const after = /[A-Za-z]$/.test(quoted) ? "(?![A-Za-z])" : "";
            rest = rest.replace(new RegExp(`${before}${quoted.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}${after}`, "g"), " ");
          }
          const english = (rest.match(/[A-Za-z]{2,}/g) ?? []).filter((word) => !ALLOWED_WORDS.has(word));
          if (english.length > 0) out.push(`${key} (${locale}): English left in "${text}": ${english.join(" ")}`);
        }
      }
    }
    return out;
  }
}
