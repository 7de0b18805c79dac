/**
 * The catalogues stay whole: every key in every language, the same placeholders as the English,
 * messages that parse, Simplified made from Traditional, and no English left in the Chinese.
 */
import { readFileSync } from "node:fs";
import { TYPE, parse, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { simplify } from "@/lib/i18n/hans";
import { LOCALES } from "@/lib/i18n/locales";

type Tree = { [key: string]: string | Tree };
const load = (name: string): Tree => JSON.parse(readFileSync(`messages/${name}.json`, "utf8"));
const catalogues = Object.fromEntries(LOCALES.map((locale) => [locale, load(locale)])) as Record<(typeof LOCALES)[number], Tree>;

function flatten(tree: Tree, path = "", out = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(tree)) {
    const at = path ? `${path}.${key}` : key;
    if (typeof value === "string") out.set(at, value);
    else flatten(value, at, out);
  }
  return out;
}

/**
 * What a translation must keep: every argument's name, each select's options (a select chooses
 * between sentences), and tags. Plurals may differ: Chinese has no plural forms ("{n} 小時").
 */
function placeholders(message: string): string[] {
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.argument || element.type === TYPE.number || element.type === TYPE.date || element.type === TYPE.time) found.add(element.value);
      else if (element.type === TYPE.plural) {
        found.add(element.value);
        for (const option of Object.values(element.options)) walk(option.value);
      } else if (element.type === TYPE.select) {
        found.add(`${element.value}(${Object.keys(element.options).sort().join("|")})`);
        for (const option of Object.values(element.options)) walk(option.value);
      } else if (element.type === TYPE.tag) {
        found.add(`<${element.value}>`);
        walk(element.children);
      }
    }
  };
  walk(parse(message, { ignoreTag: false }));
  return [...found].sort();
}

function literalText(message: string): string {
  const parts: string[] = [];
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.literal) parts.push(element.value);
      else if (element.type === TYPE.select || element.type === TYPE.plural) for (const option of Object.values(element.options)) walk(option.value);
      else if (element.type === TYPE.tag) walk(element.children);
    }
  };
  walk(parse(message, { ignoreTag: false }));
  return parts.join(" ");
}

const english = flatten(catalogues.en);

describe("catalogues", () => {
  it("has English messages to translate", () => {
    expect(english.size).toBeGreaterThan(0);
  });

  for (const locale of LOCALES) {
    const messages = flatten(catalogues[locale]);
    it(`${locale}: has exactly the English keys`, () => {
      expect([...english.keys()].filter((key) => !messages.has(key)), "missing").toEqual([]);
      expect([...messages.keys()].filter((key) => !english.has(key)), "not in English").toEqual([]);
    });

    it(`${locale}: every message parses and has the English placeholders`, () => {
      const differ: string[] = [];
      for (const [key, text] of messages) {
        const source = english.get(key);
        if (source === undefined) continue;
        const mine = placeholders(text);
        const theirs = placeholders(source);
        if (mine.join() !== theirs.join()) differ.push(`${key}: ${mine.join(" ")} ≠ ${theirs.join(" ")}`);
      }
      expect(differ).toEqual([]);
    });
  }

  it("zh-Hans is what OpenCC and the overrides make of zh-Hant (npm run i18n:hans)", () => {
    const overrides = JSON.parse(readFileSync("messages/zh-Hans.overrides.json", "utf8"));
    expect(catalogues["zh-Hans"]).toEqual(simplify(catalogues["zh-Hant"], overrides));
  });

  it("the Chinese catalogues have no English words left but names and codes", () => {
    // Names a Chinese reader meets as they are: the app, companies, payment brands, units and codes.
    const allowed = new Set(["Esc", "ISO", "PNG", "JPEG", "WebP", "MB", "KB", "Maple", "Moss", "Home", "Kite", "Street", "Gadgets", "Riverbend", "Outdoor", "Lumen", "Beauty", "Refund", "Lab", "TikTok", "Shop", "PayPal", "Visa", "Mastercard", "UTC", "GMT", "CSV", "JSON", "SFCR", "ODR", "URL", "API", "ID", "US", "PST", "PDT", "PT", "USD", "JavaScript", "Markdown", "ERP", "HMAC", "SHA", "OpenAPI"]);
    const leftovers: string[] = [];
    for (const [key, text] of flatten(catalogues["zh-Hant"])) {
      // Only the literal text: argument names and select or plural keywords stay English by design.
      for (const word of literalText(text).match(/[A-Za-z]{2,}/g) ?? []) if (!allowed.has(word)) leftovers.push(`${key}: ${word}`);
    }
    expect(leftovers).toEqual([]);
  });

  it("the Chinese follows the glossary (docs/glossary.md): the platform's own words, not their near-synonyms", () => {
    // Each pair: a word translators must not use, and the platform's word to use instead.
    const avoid: [string, string][] = [["出貨", "發貨"], ["退款退貨", "退貨退款"], ["上訴", "申訴"], ["拒簽", "拒收"], ["仲裁", "平台介入 / 裁決"], ["取消請求", "取消申請"]];
    const found: string[] = [];
    for (const [key, text] of flatten(catalogues["zh-Hant"])) for (const [word, use] of avoid) if (text.includes(word)) found.push(`${key}: ${word} (use ${use})`);
    expect(found).toEqual([]);
  });
});
