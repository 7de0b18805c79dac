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
