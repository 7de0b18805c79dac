import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { marked } from "marked";
import { getI18n } from "@/lib/i18n/server";
import { rulesReference } from "@/lib/i18n/rules";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("rulesPage"))("title") };
}

/**
 * The rules reference, generated from the engine (the same text as docs/rules.md and its
 * translations), in the viewer's language: every deadline of both rule sets side by side, every rule
 * with its test and the platform's pages it follows, reasons and fault, money. The Markdown is the
 * engine's own text (no one else's input), turned into HTML by `marked` on the server.
 */
export default async function RulesPage() {
  const { locale } = await getI18n();
  const scroll = (await getTranslations("howItWorks"))("scrollHint");
  const rendered = await marked.parse(rulesReference(locale, { linkOthers: false }), { gfm: true });
  // A wide table scrolls within a box a keyboard can reach (and that says it scrolls).
  const html = rendered.replaceAll("<table>", `<div class="table-scroll" tabindex="0" role="group" aria-label="${scroll.replace(/"/g, "&quot;")}"><table>`).replaceAll("</table>", "</table></div>");
  return <article className="rules-reference max-w-5xl" dangerouslySetInnerHTML={{ __html: html }} />;
}
