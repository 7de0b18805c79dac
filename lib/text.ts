/**
 * Text people read (statements, rationales, descriptions, names): what the app keeps of what was
 * typed, and whether anything visible is left. Pure; the forms' zod helper and the engine's checks
 * share it, so "a statement of zero-width spaces" is refused in both places.
 */

/** Control characters other than newline and tab, format characters (zero-width, bidi controls), and letters that render blank. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}\u2800\u3164\u115F\u1160\uFFA0]/gu;
const KEEP = new Set(["\n", "\t"]);

/** Unicode-normalised (NFC), line ends as "\n", invisible characters removed, trimmed. */
export function cleanText(value: string): string {
  // A command that did not come through a form (a script, a future API) may carry anything.
  if (typeof value !== "string") return "";
  return value
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(INVISIBLE, (char) => (KEEP.has(char) ? char : ""))
    .trim();
}

/** How many characters a reader can see (letters, digits, punctuation, symbols) once the text is cleaned. */
export function visibleLength(value: string): number {
  return cleanText(value).match(/[\p{L}\p{N}\p{P}\p{S}\p{M}]/gu)?.length ?? 0;
}
