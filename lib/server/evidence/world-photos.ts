import "server-only";
import { m, type Message } from "@/lib/i18n/message";
import { WORLD_LIMITS } from "@/lib/worlds";
import { DEMO_WORLD, type SessionUser } from "../auth/session-user";
import { db } from "../db";

const MB = 1024 * 1024;

/**
 * Every world holds at most so many bytes of photos — evidence and conversation photos alike (issue
 * 26: messages used to be left out): a private world WORLD_LIMITS.photoBytes, the shared demo world
 * WORLD_LIMITS.demoPhotoBytes (it is never reset by its visitors, so without a limit one person
 * could fill the disk). Checked before the command or message; two uploads at the same moment may
 * pass it together, so a limit may be exceeded by one form's photos at most. Returns the refusal.
 */
export async function worldPhotosFull(user: SessionUser, adding: number): Promise<Message | null> {
  if (adding === 0) return null;
  const worldId = user.worldId ?? DEMO_WORLD;
  const limit = worldId === DEMO_WORLD ? WORLD_LIMITS.demoPhotoBytes : WORLD_LIMITS.photoBytes;
  const stored = await db.evidence.aggregate({ where: { order: { worldId } }, _sum: { sizeBytes: true } });
  if ((stored._sum.sizeBytes ?? 0) + adding <= limit) return null;
  return worldId === DEMO_WORLD
    ? m("errors.photos.demoFull", { mb: Math.round(limit / MB) })
    : m("errors.photos.worldFull", { mb: Math.round(limit / MB) });
}
