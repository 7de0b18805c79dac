/**
 * What a server action's body may look like before Next decodes it (issue 26): Next hands the body
 * to React's reply decoder, which answers a malformed one with a 500 — a multipart body that does not
 * parse, a root field "0" missing or not JSON, 20,000 levels of nesting, a reference to a server
 * function (`$h`), a file name with control characters. The proxy asks this first and refuses such a
 * body with a 400 and a sentence; what the app's own forms send always passes.
 *
 * React's reply encoding: the arguments are a JSON array (the body itself for text/plain, the field
 * "0" of a multipart body), with FormData arguments as `$K<n>` and their fields as `<n>_<name>`.
 * Strings starting with "$" are references or special values; the app's forms only ever send these.
 */
const ALLOWED_REFERENCES = /^\$(?:undefined|K\d{1,6}|\$[\s\S]*|D[-+:.TZ0-9]{1,40}|n-?\d{1,400}|NaN|Infinity|-Infinity|-0)$/;

/** Deeper than any argument a form sends (a form's previous state is an object of strings, three levels at most). */
export const MAX_ARGUMENT_DEPTH = 32;

/** Control characters in a file name (NUL, CR, LF…): no browser sends them. */
const CONTROL = /[\u0000-\u001f\u007f]/;

export type BodyProblem = string | null;

const UNREADABLE = "This form could not be read. Reload the page and try again.";

/** The problem with a JSON text of action arguments, or null. Iterative: a deep body cannot overflow the stack here. */
export function argumentsProblem(text: string): BodyProblem {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return UNREADABLE;
  }
  if (!Array.isArray(parsed)) return UNREADABLE;
  const stack: [unknown, number][] = [[parsed, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (depth > MAX_ARGUMENT_DEPTH) return UNREADABLE;
    if (typeof value === "string") {
      if (value.startsWith("$") && !ALLOWED_REFERENCES.test(value)) return UNREADABLE;
    } else if (Array.isArray(value)) {
      for (const item of value) stack.push([item, depth + 1]);
    } else if (value !== null && typeof value === "object") {
      for (const item of Object.values(value)) stack.push([item, depth + 1]);
    }
  }
  return null;
}

/**
 * The problem with a POSTed body, or null: `form` is the multipart body as parsed (null when it did
 * not parse), `text` a text/plain body; `isAction` says whether the request calls an action from
 * script (a `Next-Action` header), whose arguments must then be there and well formed.
 */
export function actionBodyProblem(input: { isAction: boolean } & ({ kind: "multipart"; form: FormData | null } | { kind: "text"; text: string })): BodyProblem {
  if (input.kind === "text") return input.isAction ? argumentsProblem(input.text) : null;
  const { form } = input;
  if (!form) return UNREADABLE;
  for (const [, value] of form.entries()) {
    if (typeof value !== "string" && CONTROL.test(value.name)) return "A file name has characters no file name has. Rename the file and try again.";
  }
  if (!input.isAction) return null;
  const root = form.get("0");
  if (typeof root !== "string") return UNREADABLE;
  return argumentsProblem(root);
}
