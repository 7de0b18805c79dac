/**
 * Worlds (issue 14, docs/decisions/014): who may do what with a world's clock, and the limits every
 * private world lives within. Pure: the services and pages ask these with what they loaded.
 */
import { labelsOf, m, type Message } from "./i18n/message";
export type WorldKind = "DEMO" | "PRIVATE";
export type WorldRole = "OWNER" | "FACILITATOR" | "MEMBER";
export type WorldTemplate = "DEMO_COPY" | "PEOPLE_ONLY";

/**
 * A row copied into a private world keeps its seed id behind the world's: `w384a5f7406_cmx…`. The
 * separator is URL-safe (an unreserved character, never percent-encoded), so the id is the same in a
 * link, in a route's parameter and in the database (issue 26: a colon reached pages still encoded).
 */
export const WORLD_ID_SEPARATOR = "_";

/** The id a seeded row has in `worldId` (the demo world keeps the seed's own ids). */
export function worldScopedId(worldId: string, seedId: string): string {
  return worldId === "demo" ? seedId : `${worldId}${WORLD_ID_SEPARATOR}${seedId}`;
}

export const WORLD_ROLE_LABELS: Record<WorldRole, Message> = labelsOf("worlds.role", ["OWNER", "FACILITATOR", "MEMBER"]);
/** A template in a sentence; client forms name them from `client.worlds.template`. */
export const WORLD_TEMPLATE_LABELS: Record<WorldTemplate, Message> = labelsOf("client.worlds.template", ["DEMO_COPY", "PEOPLE_ONLY"]);
export const WORLD_TEMPLATES: readonly WorldTemplate[] = ["DEMO_COPY", "PEOPLE_ONLY"];

export const WORLD_LIMITS = {
  /** Private worlds one visitor may create in an hour. */
  createdPerHour: 3,
  /** Private worlds on one server at once (each is ~100 orders; the oldest idle ones expire first). */
  privateWorlds: Number(process.env.MAX_PRIVATE_WORLDS ?? 200),
  /** A private world nobody has used for this long is deleted, with its uploads. */
  idleDays: Number(process.env.WORLD_IDLE_DAYS ?? 7),
  /** People who may join one world. */
  members: 50,
  /** Photos stored in one private world (evidence and conversation photos), in bytes. */
  photoBytes: 50 * 1024 * 1024,
  /** Photos stored in the shared demo world, in bytes (`DEMO_PHOTO_MB`; `npm run db:reset-demo` empties it). */
  demoPhotoBytes: Number(process.env.DEMO_PHOTO_MB ?? 200) * 1024 * 1024,
} as const;

export type ClockControl = { allowed: true } | { allowed: false; reason: Message };

/**
 * May this person move the world's clock or reset it? Only a private world's owner and the
 * facilitators they choose. The demo world is shared by everyone on the server: nobody moves it.
 */
export function clockControl(world: { kind: WorldKind }, role: WorldRole | null): ClockControl {
  if (world.kind === "DEMO") {
    return {
      allowed: false,
      reason: m("worlds.clock.demo"),
    };
  }
  if (role === "OWNER" || role === "FACILITATOR") return { allowed: true };
  return { allowed: false, reason: m("worlds.clock.notFacilitator") };
}

/** When an idle private world will be deleted. */
export function worldExpiresAt(lastActiveAt: Date, idleDays: number = WORLD_LIMITS.idleDays): Date {
  return new Date(lastActiveAt.getTime() + idleDays * 24 * 3_600_000);
}
