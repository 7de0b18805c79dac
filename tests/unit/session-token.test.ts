import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadSessionSecret, signSession, verifySession } from "@/lib/server/auth/session-token";

const secret = "a".repeat(64);

describe("session tokens", () => {
  it("round-trips a signed payload", () => {
    const token = signSession({ userId: "buyer-ava", issuedAt: 1 }, secret);
    expect(verifySession(token, secret)).toEqual({ userId: "buyer-ava", issuedAt: 1 });
  });

  it("rejects a token whose payload was edited", () => {
    const token = signSession({ userId: "buyer-ava", issuedAt: 1 }, secret);
    const [, signature] = token.split(".");
    const forged = `${Buffer.from(JSON.stringify({ userId: "support-sam", issuedAt: 1 })).toString("base64url")}.${signature}`;
    expect(verifySession(forged, secret)).toBeNull();
  });

  it("rejects a token signed with another secret, and junk", () => {
    expect(verifySession(signSession({ userId: "x", issuedAt: 1 }, "b".repeat(64)), secret)).toBeNull();
    expect(verifySession("not-a-token", secret)).toBeNull();
    expect(verifySession("a.b.c", secret)).toBeNull();
    expect(verifySession(undefined, secret)).toBeNull();
  });
});

describe("the session secret", () => {
  const saved = process.env.SESSION_SECRET;
  afterEach(() => {
    if (saved === undefined) delete process.env.SESSION_SECRET;
    else process.env.SESSION_SECRET = saved;
  });

  it("is generated once into a file only its owner can read, then reused", () => {
    delete process.env.SESSION_SECRET;
    const file = join(mkdtempSync(join(tmpdir(), "secret-")), "nested", "session-secret");
    const first = loadSessionSecret(file);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadSessionSecret(file)).toBe(first);
    expect(readFileSync(file, "utf8").trim()).toBe(first);
  });

  it("comes from SESSION_SECRET when set, and refuses a short one", () => {
    process.env.SESSION_SECRET = "s".repeat(40);
    expect(loadSessionSecret("/nonexistent/never-written")).toBe("s".repeat(40));
    process.env.SESSION_SECRET = "short";
    expect(() => loadSessionSecret("/nonexistent/never-written")).toThrow(/at least 32/);
  });
});
