/** A newcomer can open any file: nothing hand-written under app/, components/ or lib/ passes 300 lines (docs/decisions/009). */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../..");
const MAX_LINES = 300;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mjs|css)$/.test(name) ? [path] : [];
  });
}

describe("file size", () => {
  it(`no file under app/, components/ or lib/ passes ${MAX_LINES} lines`, () => {
    const files = ["app", "components", "lib"].flatMap((dir) => sourceFiles(resolve(root, dir)));
    expect(files.length).toBeGreaterThan(50);
    const long = files
      .map((file) => ({ file: relative(root, file), lines: readFileSync(file, "utf8").split("\n").length }))
      .filter(({ lines }) => lines > MAX_LINES);
    expect(long).toEqual([]);
  });
});
