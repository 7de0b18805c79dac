// Applies prisma/migrations/*/migration.sql to the database, like `prisma migrate deploy`:
// records each in _prisma_migrations and skips those already applied. Safe to run on every start.
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import Database from "better-sqlite3";
import { databaseUrl, filters, migrationsDir, openEngine } from "./db-engine.mjs";

const url = databaseUrl();
const file = url.replace(/^file:/, "");
mkdirSync(dirname(resolve(file)), { recursive: true });
// WAL lets pages read while a command writes; the setting is stored in the database file itself.
const db = new Database(file);
db.pragma("journal_mode = WAL");
db.close();

const quiet = process.argv.includes("--quiet");
const lockfile = resolve(migrationsDir, "migration_lock.toml");
const migrationDirectories = readdirSync(migrationsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(resolve(migrationsDir, entry.name, "migration.sql")))
  .map((entry) => entry.name)
  .sort()
  .map((name) => ({
    path: name,
    migrationFile: { path: "migration.sql", content: { tag: "ok", value: readFileSync(resolve(migrationsDir, name, "migration.sql"), "utf8") } },
  }));

// Nothing to apply (every start of an up-to-date app): say so without the schema engine, which
// needs the database to itself (it locks it exclusively) and would fail while a server or any
// other process has it open.
const pending = pendingMigrations(file, migrationDirectories.map((migration) => migration.path));
if (pending.length === 0) {
  if (!quiet) console.log(`Database ${file} is up to date (${migrationDirectories.length} migration(s)).`);
  process.exit(0);
}

// Migrations to apply: they need the database alone, so wait (up to MIGRATE_WAIT_MS, 60 s) for
// other connections to close, saying why, instead of failing on the first "database is locked".
const waitMs = Number(process.env.MIGRATE_WAIT_MS ?? 60_000);
const started = Date.now();
let appliedMigrationNames;
for (let attempt = 0; ; attempt++) {
  const engine = await openEngine(url);
  try {
    ({ appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: {
        baseDir: migrationsDir,
        lockfile: { path: "migration_lock.toml", content: existsSync(lockfile) ? readFileSync(lockfile, "utf8") : null },
        shadowDbInitScript: "",
        migrationDirectories,
      },
      filters,
    }));
    break;
  } catch (error) {
    const locked = /SocketTimeout|database is locked|SQLITE_BUSY/.test(String(error));
    if (!locked) throw error;
    if (Date.now() - started > waitMs) {
      console.error(`Cannot apply ${pending.length} migration(s) to ${file}: another process (a running server?) has the database open, and migrations need it alone. Stop it and run \`npm run db:migrate\` again.`);
      process.exit(1);
    }
    if (attempt === 0) console.log(`${pending.length} migration(s) to apply to ${file}, which another process has open; waiting for it to close (up to ${Math.round(waitMs / 1000)} s)…`);
    await new Promise((r) => setTimeout(r, 500));
  } finally {
    await engine.closeConnections();
  }
}

/** The migrations not yet recorded as applied (all of them when the database is new). */
function pendingMigrations(path, names) {
  const reader = new Database(path, { readonly: true });
  try {
    const table = reader.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`).get();
    if (!table) return names;
    const applied = new Set(reader.prepare(`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`).all().map((row) => row.migration_name));
    return names.filter((name) => !applied.has(name));
  } finally {
    reader.close();
  }
}
if (!quiet || appliedMigrationNames.length > 0) {
  console.log(
    appliedMigrationNames.length > 0
      ? `Applied ${appliedMigrationNames.length} migration(s) to ${file}: ${appliedMigrationNames.join(", ")}`
      : `Database ${file} is up to date (${migrationDirectories.length} migration(s)).`,
  );
}
