/**
 * A product's picture: a placeholder the app draws itself (no external hosts, nothing to upload):
 * the product's initials on a colour taken from its id.
 */
import { readSql } from "@/lib/server/sqlite/read-sql";

const PALETTE = ["#1f7a55", "#2563eb", "#b45309", "#7c3aed", "#be123c", "#0f766e", "#4d7c0f", "#9333ea"];

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  const product = readSql((sql) => sql.get<{ id: string; title: string }>(`SELECT "id", "title" FROM "Product" WHERE "id" = ?`, id.slice(0, 200)));
  if (!product) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  let hash = 0;
  for (const char of product.id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  const colour = PALETTE[hash % PALETTE.length]!;
  const initials = product.title
    .split(/\s+/)
    .filter((word) => /^[A-Za-z0-9]/.test(word))
    .slice(0, 2)
    .map((word) => word[0]!.toUpperCase())
    .join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 200" width="200" height="200"><rect width="200" height="200" fill="${colour}"/><circle cx="160" cy="40" r="60" fill="#ffffff" fill-opacity="0.12"/><text x="100" y="118" font-family="system-ui, sans-serif" font-size="64" font-weight="700" fill="#ffffff" text-anchor="middle">${escape(initials)}</text></svg>`;
  return new Response(svg, { headers: { "Content-Type": "image/svg+xml", "Cache-Control": "public, max-age=86400", "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'" } });
}
