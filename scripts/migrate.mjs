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

const engine = await openEngine(url);
const lockfile = resolve(migrationsDir, "migration_lock.toml");
const migrationDirectories = readdirSync(migrationsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(resolve(migrationsDir, entry.name, "migration.sql")))
  .map((entry) => entry.name)
  .sort()
  .map((name) => ({
    path: name,
    migrationFile: { path: "migration.sql", content: { tag: "ok", value: readFileSync(resolve(migrationsDir, name, "migration.sql"), "utf8") } },
  }));

const { appliedMigrationNames } = await engine.applyMigrations({
  migrationsList: {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockfile) ? readFileSync(lockfile, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories,
  },
  filters,
});


const quiet = process.argv.includes("--quiet");
if (!quiet || appliedMigrationNames.length > 0) {
  console.log(
    appliedMigrationNames.length > 0
      ? `Applied ${appliedMigrationNames.length} migration(s) to ${file}: ${appliedMigrationNames.join(", ")}`
      : `Database ${file} is up to date (${migrationDirectories.length} migration(s)).`,
  );
}
