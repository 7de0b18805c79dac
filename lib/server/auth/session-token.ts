/**
 * Signed cookie values: `value.base64url(hmac-sha256(value))` — a session's id, a visitor's id. The
 * signature stops anyone from making one up; what a session id means is in the Session table.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";

function sign(data: string, secret: string): string {
  return createHmac("sha256", secret).update(data).digest("base64url");
}

/** A value nobody can forge or edit without the secret: `value.signature` (a session's or a visitor's id). */
export function signValue(value: string, secret: string): string {
  return `${value}.${sign(`v:${value}`, secret)}`;
}

export function verifyValue(token: string | undefined, secret: string): string | null {
  if (!token) return null;
  const dot = token.lastIndexOf(".");
  if (dot <= 0) return null;
  const value = token.slice(0, dot);
  const expected = Buffer.from(sign(`v:${value}`, secret));
  const given = Buffer.from(token.slice(dot + 1));
  return expected.length === given.length && timingSafeEqual(expected, given) ? value : null;
}

/** A new session's id: 32 random bytes. The cookie holds it (signed); the Session table its hash. */
export function newSessionId(): string {
  return randomBytes(32).toString("base64url");
}

export function sessionIdHash(id: string): string {
  return createHash("sha256").update(id).digest("hex");
}

/**
 * The signing secret: SESSION_SECRET when set, else one generated on first use and kept in
 * data/session-secret (mode 600) so sessions survive restarts.
 */
export function loadSessionSecret(file = resolve(process.cwd(), "data/session-secret")): string {
  const fromEnv = process.env.SESSION_SECRET;
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error("SESSION_SECRET must be at least 32 characters long.");
    return fromEnv;
  }
  try {
    return readFileSync(/*turbopackIgnore: true*/ file, "utf8").trim();
  } catch {
    mkdirSync(/*turbopackIgnore: true*/ dirname(file), { recursive: true });
    try {
      // "wx": if two processes race, one writes and the other reads what it wrote.
      writeFileSync(/*turbopackIgnore: true*/ file, randomBytes(32).toString("hex") + "\n", { flag: "wx", mode: 0o600 });
      chmodSync(/*turbopackIgnore: true*/ file, 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    return readFileSync(/*turbopackIgnore: true*/ file, "utf8").trim();
  }
}
