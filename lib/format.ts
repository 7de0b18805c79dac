/** Dates are shown in UTC, the same on the server and in the browser (no hydration surprises). */
const dateTime = new Intl.DateTimeFormat("en-US", {
  timeZone: "UTC",
  month: "short",
  day: "numeric",
  year: "numeric",
  hour: "numeric",
  minute: "2-digit",
});
const day = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", weekday: "short", month: "short", day: "numeric", year: "numeric" });

export function formatDateTime(at: Date): string {
  return `${dateTime.format(at)} UTC`;
}

const laDateTime = new Intl.DateTimeFormat("en-US", {
  timeZone: "America/Los_Angeles",
  weekday: "short",
  month: "short",
  day: "numeric",
  year: "numeric",
  hour: "numeric",
  minute: "2-digit",
});

/** A time the platform defines in Los Angeles (a US cut-off at 23:59): "Tue, Mar 10, 2026, 11:59 PM Los Angeles time". */
export function formatLosAngeles(at: Date): string {
  return `${laDateTime.format(at)} Los Angeles time`;
}

export function formatDay(at: Date): string {
  return day.format(at);
}

/** "2 h 05 min", "4 min 09 s", "12 s"; zero or less is "0 s". */
export function formatRemaining(ms: number): string {
  const totalSeconds = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(totalSeconds / 86_400);
  const hours = Math.floor((totalSeconds % 86_400) / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const pad = (n: number) => String(n).padStart(2, "0");
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${pad(minutes)} min`;
  if (minutes > 0) return `${minutes} min ${pad(seconds)} s`;
  return `${seconds} s`;
}

/** A duration as hours with one decimal ("26.5 h"), or minutes under an hour ("40 min"). */
export function formatHours(ms: number): string {
  if (ms < 3_600_000) return `${Math.max(0, Math.round(ms / 60_000))} min`;
  return `${Math.round(ms / 360_000) / 10} h`;
}
