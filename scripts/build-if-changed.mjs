// `npm start` builds only when something the build depends on changed since the last build: a hash
// of the sources is kept next to the build (.next/source-hash). A start on an unchanged checkout
// reuses the build instead of spending ~15 s rebuilding it. Builds use one action key
// (scripts/action-key.mjs), so even a rebuild keeps the server-action ids an open tab knows.
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { actionKey } from "./action-key.mjs";

const root = resolve(import.meta.dirname, "..");
const DIRS = ["app", "components", "lib", "public", "generated"];
const FILES = ["package-lock.json", "next.config.ts", "tsconfig.json", "postcss.config.mjs", "instrumentation.ts", "proxy.ts", "prisma/schema.prisma"];

function walk(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const key = actionKey();
const hash = createHash("sha256");
hash.update(key);
for (const file of [...DIRS.flatMap((dir) => walk(resolve(root, dir))), ...FILES.map((f) => resolve(root, f))].filter((f) => existsSync(f)).sort()) {
  hash.update(file.slice(root.length));
  hash.update(readFileSync(file));
}
const digest = hash.digest("hex");
const stamp = resolve(root, ".next/source-hash");
const buildId = resolve(root, ".next/BUILD_ID");
// The stamp names the build it was written for: a build made some other way (the browser tests, the
// benchmark) has another BUILD_ID, so it is not mistaken for this one.
const current = () => `${digest} ${existsSync(buildId) ? readFileSync(buildId, "utf8").trim() : "none"}`;
if (existsSync(buildId) && existsSync(stamp) && readFileSync(stamp, "utf8") === current()) {
  console.log("The build is up to date with the sources; not rebuilding.");
} else {
  execFileSync("npx", ["next", "build"], { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: key } });
  writeFileSync(stamp, current());
}
