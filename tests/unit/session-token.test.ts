import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadSessionSecret, newSessionId, sessionIdHash, signValue, verifyValue } from "@/lib/server/auth/session-token";

const secret = "a".repeat(64);

describe("signed cookie values", () => {
  it("round-trip", () => {
    expect(verifyValue(signValue("abc_DEF-123", secret), secret)).toBe("abc_DEF-123");
  });

  it("refuse a value that was edited, one signed with another secret, and junk", () => {
    const token = signValue("session-one", secret);
    const signature = token.slice(token.lastIndexOf(".") + 1);
    expect(verifyValue(`session-two.${signature}`, secret)).toBeNull();
    expect(verifyValue(signValue("x", "b".repeat(64)), secret)).toBeNull();
    for (const junk of ["not-a-token", ".abc", "a.b.c", "", undefined]) expect(verifyValue(junk, secret)).toBeNull();
  });

  it("session ids are random and stored only as their hash", () => {
    const a = newSessionId();
    expect(a).not.toBe(newSessionId());
    expect(Buffer.from(a, "base64url")).toHaveLength(32);
    expect(sessionIdHash(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(sessionIdHash(a)).not.toContain(a);
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
