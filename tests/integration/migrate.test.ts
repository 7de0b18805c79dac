/**
 * Issue 15, finding 7: `npm start` migrates first, and used to die ("unknown variant SocketTimeout")
 * whenever another process had the database open — the schema engine takes an exclusive lock. Now an
 * up-to-date database is recognised without the engine, and pending migrations wait for the others
 * to close (saying so), or give up with a sentence that says what to do.
 */
import Database from "better-sqlite3";
import { spawn } from "node:child_process";
import { copyFileSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../..");
const file = resolve(root, `data/test/migrate-${process.pid}.db`);
copyFileSync(resolve(root, "data/test/template.db"), file);

afterAll(() => {
  for (const name of readdirSync(dirname(file))) if (name.startsWith(basename(file))) rmSync(resolve(dirname(file), name), { force: true });
});

function migrate(env: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ["--experimental-wasm-modules", "--no-warnings=ExperimentalWarning", "scripts/migrate.mjs"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: `file:${file}`, ...env },
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("exit", (code) => done({ code, output }));
  });
}

/** Another process reading the database (as a running server does), until closed. */
function reader(): Database.Database {
  const db = new Database(file, { readonly: true });
  db.prepare(`SELECT count(*) FROM "Order"`).get();
  return db;
}

/** Takes the last migration back out, so that there is one to apply. */
function undoLastMigration(): string {
  const db = new Database(file);
  try {
    const last = db.prepare(`SELECT migration_name AS name FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1`).get() as { name: string };
    // Whatever tables and indexes the last migration created go, so that it applies again. (A table
    // Prisma redefines to add a column is created as "new_X" and renamed: its copy applies again as is.)
    const sql = readFileSync(resolve(root, "prisma/migrations", last.name, "migration.sql"), "utf8");
    const tables = [...sql.matchAll(/CREATE TABLE "(\w+)"/g)].map((match) => match[1]!);
    const indexes = [...sql.matchAll(/CREATE (?:UNIQUE )?INDEX "(\w+)"/g)].map((match) => match[1]!);
    // A data-only migration (e.g. 20261204160000_url_safe_world_ids) creates nothing and applies again as it is: it is idempotent.
    for (const table of tables) db.exec(`DROP TABLE IF EXISTS "${table}"`);
    for (const index of indexes) db.exec(`DROP INDEX IF EXISTS "${index}"`);
    // A column the migration added goes too (SQLite drops columns since 3.35).
    for (const [, table, column] of sql.matchAll(/ALTER TABLE "(\w+)" ADD COLUMN "(\w+)"/g)) db.exec(`ALTER TABLE "${table}" DROP COLUMN "${column}"`);
    // An index the migration dropped comes back, as the migration that made it wrote it.
    const all = readdirSync(resolve(root, "prisma/migrations"))
      .filter((name) => name < last.name && /^\d/.test(name))
      .map((name) => readFileSync(resolve(root, "prisma/migrations", name, "migration.sql"), "utf8"))
      .join("\n");
    for (const [, index] of sql.matchAll(/DROP INDEX "(\w+)"/g)) {
      const create = new RegExp(`CREATE (?:UNIQUE )?INDEX "${index}" ON [^;]+;`).exec(all);
      if (create) db.exec(create[0]);
    }
    db.prepare(`DELETE FROM _prisma_migrations WHERE migration_name = ?`).run(last.name);
    return last.name;
  } finally {
    db.close();
  }
}

describe("migrations while another process has the database open", () => {
  it("an up-to-date database is left alone, and says so", async () => {
    const open = reader();
    try {
      const result = await migrate();
      expect(result.output).toContain("is up to date");
      expect(result.code).toBe(0);
    } finally {
      open.close();
    }
  }, 30_000);

  it("pending migrations wait for the others to close, then apply", async () => {
    const name = undoLastMigration();
    const open = reader();
    const running = migrate({ MIGRATE_WAIT_MS: "30000" });
    // Longer than SQLite's own 5-second busy wait: the script's retry is what waits.
    await new Promise((r) => setTimeout(r, 7000));
    open.close();
    const result = await running;
    expect(result.output).toContain("waiting for it to close");
    expect(result.output).toContain(`Applied 1 migration(s)`);
    expect(result.output).toContain(name);
    expect(result.code).toBe(0);
  }, 60_000);

  it("gives up with a sentence saying what to do when the database stays open", async () => {
    undoLastMigration();
    const open = reader();
    try {
      const result = await migrate({ MIGRATE_WAIT_MS: "1000" });
      expect(result.code).toBe(1);
      expect(result.output).toContain("another process (a running server?) has the database open");
      expect(result.output).not.toContain("SocketTimeout");
    } finally {
      open.close();
    }
  }, 30_000);
});
