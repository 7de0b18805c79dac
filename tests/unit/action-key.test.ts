/**
 * Issue 15, finding 8: every build of one checkout uses the same server-action key, so the action
 * ids an open tab holds survive a rebuild (Next derives them from the key).
 */
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script, typed by its use here.
import { actionKey } from "../../scripts/action-key.mjs";

const saved = process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY;
afterEach(() => {
  if (saved === undefined) delete process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY;
  else process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY = saved;
});

describe("the server-action key", () => {
  it("is made once, 32 random bytes, kept private, and the same on every later build", () => {
    delete process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY;
    const file = join(mkdtempSync(join(tmpdir(), "action-key-")), "data", "action-key");
    const first = actionKey(file) as string;
    expect(Buffer.from(first, "base64")).toHaveLength(32);
    expect(actionKey(file)).toBe(first);
    expect(readFileSync(file, "utf8").trim()).toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it("is the environment's when NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is set", () => {
    process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY = "c2V0IGJ5IHRoZSBvcGVyYXRvciwgMzIgYnl0ZXMgbG9uZyE=";
    expect(actionKey(join(tmpdir(), "never-written"))).toBe("c2V0IGJ5IHRoZSBvcGVyYXRvciwgMzIgYnl0ZXMgbG9uZyE=");
  });
});
