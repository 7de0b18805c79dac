/**
 * Signed session tokens: `base64url(payload).base64url(hmac-sha256(payload))`. The payload names
 * the persona and when the session started; the signature stops anyone from editing it.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";

export interface SessionPayload {
  userId: string;
  issuedAt: number;
}

function sign(data: string, secret: string): string {
  return createHmac("sha256", secret).update(data).digest("base64url");
}

/** A value nobody can forge or edit without the secret: `value.signature` (e.g. a visitor's id). */
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

export function signSession(payload: SessionPayload, secret: string): string {
  const data = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${data}.${sign(data, secret)}`;
}

export function verifySession(token: string | undefined, secret: string): SessionPayload | null {
  if (!token) return null;
  const [data, signature, extra] = token.split(".");
  if (!data || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(data, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const payload = JSON.parse(Buffer.from(data, "base64url").toString("utf8")) as Partial<SessionPayload>;
    if (typeof payload.userId !== "string" || typeof payload.issuedAt !== "number") return null;
    return { userId: payload.userId, issuedAt: payload.issuedAt };
  } catch {
    return null;
  }
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
