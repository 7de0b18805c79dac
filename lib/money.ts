/** Money is an integer number of minor units (cents) with a currency. No floats anywhere. */
export const CURRENCIES = ["USD"] as const;
export type Currency = (typeof CURRENCIES)[number];

const MINOR_DIGITS: Record<Currency, number> = { USD: 2 };

export interface Money {
  amountMinor: number;
  currency: Currency;
}

export function isCurrency(value: string): value is Currency {
  return (CURRENCIES as readonly string[]).includes(value);
}

export function money(amountMinor: number, currency: Currency): Money {
  assertMinorUnits(amountMinor);
  return { amountMinor, currency };
}

export function assertMinorUnits(amountMinor: number): void {
  if (!Number.isSafeInteger(amountMinor)) {
    throw new RangeError(`Money must be an integer number of minor units, got ${amountMinor}`);
  }
}

export function sumMinor(values: readonly number[]): number {
  let total = 0;
  for (const value of values) {
    assertMinorUnits(value);
    total += value;
  }
  return total;
}

/** One formatter per currency: building an Intl.NumberFormat costs more than formatting with it. */
const wholeFormats = new Map<string, Intl.NumberFormat>();
function wholeFormat(currency: string): Intl.NumberFormat {
  let format = wholeFormats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat("en-US", { style: "currency", currency, maximumFractionDigits: 0, minimumFractionDigits: 0 });
    wholeFormats.set(currency, format);
  }
  return format;
}

/** "$1,234.50" (negative amounts as "-$12.00"). */
export function formatMoney(amountMinor: number, currency: string): string {
  assertMinorUnits(amountMinor);
  const digits = isCurrency(currency) ? MINOR_DIGITS[currency] : 2;
  const scale = 10 ** digits;
  const abs = Math.abs(amountMinor);
  // Format the whole and the minor parts as integers so no float ever represents the amount.
  const whole = wholeFormat(currency).format(Math.floor(abs / scale));
  const decimals = digits > 0 ? "." + String(abs % scale).padStart(digits, "0") : "";
  return (amountMinor < 0 ? "-" : "") + whole + decimals;
}

/**
 * Reads an amount a person typed ("12", "12.5", "12.50", "$1,234.56") as minor units, without
 * floats; null when it is not an amount.
 */
export function parseMoneyInput(text: string, currency: string = "USD"): number | null {
  const digits = isCurrency(currency) ? MINOR_DIGITS[currency] : 2;
  const trimmed = text.trim().replace(/^\$/, "");
  // Commas only as thousands separators ("1,234"), never as a decimal point ("12,5").
  if (trimmed.includes(",") && !/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(trimmed)) return null;
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(trimmed.replace(/,/g, ""));
  if (!match) return null;
  const whole = Number.parseInt(match[1]!, 10);
  const fraction = (match[2] ?? "").padEnd(digits, "0");
  return whole * 10 ** digits + (fraction ? Number.parseInt(fraction, 10) : 0);
}
