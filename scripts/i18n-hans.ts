/** Writes messages/zh-Hans.json from messages/zh-Hant.json and the overrides (see lib/i18n/hans.ts). */
import { readFileSync, writeFileSync } from "node:fs";
import { simplify } from "../lib/i18n/hans";

const hant = JSON.parse(readFileSync("messages/zh-Hant.json", "utf8"));
const overrides = JSON.parse(readFileSync("messages/zh-Hans.overrides.json", "utf8"));
writeFileSync("messages/zh-Hans.json", JSON.stringify(simplify(hant, overrides), null, 2) + "\n");
console.log("messages/zh-Hans.json written");
