/** Money as the platform's API writes it: a decimal string in the currency's major unit ("69.99"). Pure. */
export function decimal(minor: number): string {
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** A decimal string ("12.5", "12.50") as minor units, or null when it is not one. */
export function minorOf(value: unknown): number | null {
  if (typeof value !== "string" && typeof value !== "number") return null;
  const text = String(value).trim();
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(text)) return null;
  const [whole, fraction = ""] = text.split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}

/** Unix seconds. */
export const unix = (date: Date | null | undefined): number | null => (date ? Math.floor(date.getTime() / 1000) : null);
