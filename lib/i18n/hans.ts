/**
 * Simplified Chinese is made from the Traditional catalogue by OpenCC (Taiwan phrases to mainland
 * ones: 影片→视频, 資訊→信息), then messages/zh-Hans.overrides.json replaces whole messages where the
 * mainland platform says it differently. `npm run i18n:hans` writes messages/zh-Hans.json; a unit
 * test fails when the file is not what this makes.
 */
import * as OpenCC from "opencc-js";

type Tree = { [key: string]: string | Tree };

const toMainland = OpenCC.Converter({ from: "twp", to: "cn" });

export function simplify(hant: Tree, overrides: Record<string, string>, path = ""): Tree {
  const out: Tree = {};
  for (const [key, value] of Object.entries(hant)) {
    const at = path ? `${path}.${key}` : key;
    if (typeof value === "string") out[key] = overrides[at] ?? convertMessage(value);
    else out[key] = simplify(value, overrides, at);
  }
  return out;
}

/** Mainland text quotes with “” and ‘’ where Taiwan uses 「」 and 『』. */
const QUOTES: Record<string, string> = { "「": "“", "」": "”", "『": "‘", "』": "’" };

/** OpenCC changes only Chinese characters, so argument names and ICU keywords ({reason}, plural) pass through. */
export function convertMessage(message: string): string {
  return toMainland(message).replace(/[「」『』]/g, (quote) => QUOTES[quote]!);
}
