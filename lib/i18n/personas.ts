/**
 * A seeded persona's blurb in the viewer's language. The blurb is stored in English with the
 * persona (lib/server/demo/seed-world.ts); a copy in a private world has the seed's id behind its
 * world's (lib/worlds.ts), and a world started without orders stores the short form.
 */
import { CATALOGUES } from "./catalogues";
import type { Locale } from "./locales";

type Blurbs = Record<string, { full: string; short: string } | undefined>;

export function personaBlurb(persona: { id: string; blurb: string }, locale: Locale): string {
  if (locale === "en") return persona.blurb;
  const seedId = persona.id.includes("_") ? persona.id.slice(persona.id.indexOf("_") + 1) : persona.id;
  const blurbs = (CATALOGUES[locale] as unknown as { personas?: Blurbs }).personas;
  const blurb = blurbs?.[seedId];
  if (!blurb) return persona.blurb;
  return persona.blurb.endsWith("No orders yet.") ? blurb.short : blurb.full;
}
