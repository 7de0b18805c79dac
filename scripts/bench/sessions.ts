/**
 * The benchmark signs its requests in the way the app does (lib/server/auth/sessions.ts): a Session
 * row in the benchmark's database, and its id, signed with the benchmark server's secret, as the cookie.
 */
import Database from "better-sqlite3";
import { newSessionId, sessionIdHash, signValue } from "../../lib/server/auth/session-token";
import { storedDate as stored } from "../../lib/server/sqlite/sql-tx";

export function sessionCookies(file: string, secret: string): (userId: string) => string {
  const cache = new Map<string, string>();
  return (userId) => {
    const known = cache.get(userId);
    if (known) return known;
    const id = newSessionId();
    const now = new Date();
    const db = new Database(file);
    try {
      db.prepare(`INSERT INTO "Session" ("id", "userId", "createdAt", "lastSeenAt", "expiresAt") VALUES (?, ?, ?, ?, ?)`).run(
        sessionIdHash(id),
        userId,
        stored(now),
        stored(now),
        stored(new Date(now.getTime() + 7 * 24 * 3_600_000)),
      );
    } finally {
      db.close();
    }
    const cookie = `session=${signValue(id, secret)}`;
    cache.set(userId, cookie);
    return cookie;
  };
}
