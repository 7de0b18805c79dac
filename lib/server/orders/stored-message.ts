import { isMessage, m, parseStoredMessage, type Message } from "@/lib/i18n/message";

/** An event's sentence: its message, or (written before messages were keys) its English summary as it is. */
export function storedSummary(event: { summary: string; message: string | null }): Message {
  return parseStoredMessage(event.message) ?? m("engine.verbatim", { text: event.summary });
}

/** A notification's title and body: its messages, or (written before messages were keys) its English sentences as they are. */
export function storedNotification(row: { title: string; body: string; message: string | null }): { title: Message; body: Message } {
  if (row.message) {
    try {
      const value = JSON.parse(row.message) as { title?: unknown; body?: unknown };
      if (isMessage(value.title) && isMessage(value.body)) return { title: value.title, body: value.body };
    } catch {
      // Not JSON: fall back to the English columns.
    }
  }
  return { title: m("engine.verbatim", { text: row.title }), body: m("engine.verbatim", { text: row.body }) };
}
