/**
 * Issue 15, finding 6: sign-in needs no password, so `npm start` serves this machine only unless
 * HOST says otherwise (docs/running.md: "Exposing the app").
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const scripts = JSON.parse(readFileSync(resolve(import.meta.dirname, "../../package.json"), "utf8")).scripts as Record<string, string>;

describe("npm start", () => {
  it("binds the loopback interface by default, and HOST changes it", () => {
    const start = scripts.start!.match(/next start (.*)$/)?.[1] ?? "";
    expect(start).toMatch(/-H \$\{HOST:-127\.0\.0\.1\}/);
  });

  it("every script that serves the app binds an address explicitly", () => {
    for (const [name, command] of Object.entries(scripts)) {
      for (const serve of command.match(/next (start|dev)[^&|;]*/g) ?? []) expect(serve, name).toMatch(/ -H /);
    }
  });
});
