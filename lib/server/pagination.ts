export const PAGE_SIZE = 20;

export interface Page<T> {
  rows: T[];
  page: number;
  pageCount: number;
  total: number;
}

/** Reads a 1-based page number from a search param; anything odd is page 1. */
export function pageFromParam(value: string | string[] | undefined): number {
  const raw = Array.isArray(value) ? value[0] : value;
  const page = Number.parseInt(raw ?? "1", 10);
  return Number.isSafeInteger(page) && page > 0 ? page : 1;
}

export function pageWindow(page: number, total: number, pageSize = PAGE_SIZE) {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(page, pageCount);
  return { page: current, pageCount, skip: (current - 1) * pageSize, take: pageSize };
}

/**
 * A keyset cursor: a row's sort time and id, `"<ms>.<id>"` (ids of a private world carry its
 * prefix, "w1a2b3c4d5:…"). The order lists page by (placedAt, id), the seller's queue by (dueAt, id).
 */
export function encodeKeyset(at: Date, id: string): string {
  return `${at.getTime()}.${id}`;
}

export function decodeKeyset(value: string | undefined): { at: Date; id: string } | null {
  const match = value ? /^(\d{1,15})\.([A-Za-z0-9_:-]{1,100})$/.exec(value) : null;
  return match ? { at: new Date(Number(match[1])), id: match[2]! } : null;
}
