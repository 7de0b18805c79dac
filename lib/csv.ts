/**
 * CSV as spreadsheets read it (RFC 4180): every cell quoted, quotes doubled, CRLF between rows. A
 * cell that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) is prefixed
 * with an apostrophe, so a buyer's name cannot become a formula in the seller's spreadsheet.
 */
export function toCsv(rows: readonly (readonly (string | number | null)[])[], options: { /** A byte-order mark first, so a spreadsheet reads Chinese as UTF-8. */ bom?: boolean } = {}): string {
  const cell = (value: string | number | null) => {
    const text = value === null ? "" : String(value);
    const safe = typeof value === "string" && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
    return `"${safe.replace(/"/g, '""')}"`;
  };
  return (options.bom ? "\uFEFF" : "") + rows.map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
}
