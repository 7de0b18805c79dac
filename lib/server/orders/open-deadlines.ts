/** Stored deadline rows as the deadlines people wait for: parsed, reminders left out, each with its label. */
import type { Message } from "@/lib/i18n/message";
import { DEADLINE_LABELS, isReminder, parseDeadlineKey, type DeadlineKind } from "@/lib/order";

export interface OpenDeadline {
  key: string;
  kind: DeadlineKind;
  ref?: string;
  label: Message;
  dueAt: Date;
}

export function openDeadlines(rows: readonly { kind: string; dueAt: Date }[]): OpenDeadline[] {
  return rows.flatMap((row) => {
    const parsed = parseDeadlineKey(row.kind);
    if (!parsed || isReminder(parsed.kind)) return [];
    return [{ key: row.kind, kind: parsed.kind, ...(parsed.ref ? { ref: parsed.ref } : {}), label: DEADLINE_LABELS[parsed.kind], dueAt: row.dueAt }];
  });
}
