import { m, parseStoredMessage, type Message } from "@/lib/i18n/message";

/** An event's sentence: its message, or (written before messages were keys) its English summary as it is. */
export function storedSummary(event: { summary: string; message: string | null }): Message {
  return parseStoredMessage(event.message) ?? m("engine.verbatim", { text: event.summary });
}
