/**
 * Sessions end (issue 15, finding 2): after 12 hours without use, 7 days after they began, and at
 * once when the person signs out (the cookie, replayed, signs nobody in). Real time, not a world's clock.
 */
import { describe, expect, it } from "vitest";
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, createSession, removeEndedSessions, resolveSession, revokeSession, touchSession } from "@/lib/server/auth/sessions";
import { sessionIdHash } from "@/lib/server/auth/session-token";
import { db } from "@/lib/server/db";

const T = new Date("2026-11-30T09:00:00Z");
const at = (ms: number) => new Date(T.getTime() + ms);
const MINUTE = 60_000;

describe("a session", () => {
  it("is open from sign-in, and its row holds only the id's hash", async () => {
    const id = await createSession(db, "buyer-ava", T);
    expect(await resolveSession(db, id, at(MINUTE))).toMatchObject({ userId: "buyer-ava" });
    expect(await db.session.findUnique({ where: { id } })).toBeNull();
    expect(await db.session.findUnique({ where: { id: sessionIdHash(id) } })).toMatchObject({ userId: "buyer-ava" });
    expect(await resolveSession(db, "made-up", at(MINUTE))).toBeNull();
  });

  it("ends after 12 hours without use; use moves that on", async () => {
    const id = await createSession(db, "buyer-ava", T);
    expect(await resolveSession(db, id, at(SESSION_IDLE_MS - MINUTE))).not.toBeNull();
    expect(await resolveSession(db, id, at(SESSION_IDLE_MS))).toBeNull();
    const used = await createSession(db, "buyer-ava", T);
    const seen = (await resolveSession(db, used, at(10 * 3_600_000)))!;
    await touchSession(db, used, seen.lastSeenAt, at(10 * 3_600_000));
    expect(await resolveSession(db, used, at(SESSION_IDLE_MS + 3_600_000))).not.toBeNull();
  });

  it("records use at most every 5 minutes (a page view stays a read)", async () => {
    const id = await createSession(db, "buyer-ava", T);
    await touchSession(db, id, T, at(4 * MINUTE));
    expect((await db.session.findUniqueOrThrow({ where: { id: sessionIdHash(id) } })).lastSeenAt).toEqual(T);
    await touchSession(db, id, T, at(6 * MINUTE));
    expect((await db.session.findUniqueOrThrow({ where: { id: sessionIdHash(id) } })).lastSeenAt).toEqual(at(6 * MINUTE));
  });

  it("ends 7 days after it began, however much it is used", async () => {
    const id = await createSession(db, "buyer-ava", T);
    let seen = T;
    for (let t = 11 * 3_600_000; t < SESSION_ABSOLUTE_MS; t += 11 * 3_600_000) {
      expect(await resolveSession(db, id, at(t))).not.toBeNull();
      await touchSession(db, id, seen, at(t));
      seen = at(t);
    }
    expect(await resolveSession(db, id, at(SESSION_ABSOLUTE_MS))).toBeNull();
  });

  it("ends at sign-out: replaying its cookie signs nobody in, and other sessions of the person stay open", async () => {
    const phone = await createSession(db, "seller-maya", T);
    const laptop = await createSession(db, "seller-maya", T);
    await revokeSession(db, phone, at(MINUTE));
    expect(await resolveSession(db, phone, at(2 * MINUTE))).toBeNull();
    expect(await resolveSession(db, laptop, at(2 * MINUTE))).not.toBeNull();
  });

  it("is forgotten a day after it ended", async () => {
    const id = await createSession(db, "support-sam", T);
    await revokeSession(db, id, T);
    const open = await createSession(db, "support-sam", at(24 * 3_600_000));
    await removeEndedSessions(db, at(24 * 3_600_000 + MINUTE));
    expect(await db.session.findUnique({ where: { id: sessionIdHash(id) } })).toBeNull();
    expect(await db.session.findUnique({ where: { id: sessionIdHash(open) } })).not.toBeNull();
  });
});
