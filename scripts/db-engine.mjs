// Shared helpers for the migration scripts. They drive Prisma's WebAssembly schema engine through the
// better-sqlite3 driver adapter, because the native engine cannot be downloaded on our machines
// (see docs/decisions/002-migrations-on-the-wasm-schema-engine.md). Run with --experimental-wasm-modules.
import { mkdirSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { SchemaEngine } from "@prisma/schema-engine-wasm";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

export const root = resolve(import.meta.dirname, "..");
export const schemaPath = resolve(root, "prisma/schema.prisma");
export const migrationsDir = resolve(root, "prisma/migrations");
export const snapshotPath = resolve(migrationsDir, "schema.snapshot.prisma");
export const filters = { externalTables: [], externalEnums: [] };

export function databaseUrl() {
  return process.env.DATABASE_URL ?? "file:./data/app.db";
}

/** Opens the schema engine on the database, creating the database's folder first. */
export async function openEngine(url = databaseUrl(), schemaText = readFileSync(schemaPath, "utf8")) {
  const file = url.replace(/^file:/, "");
  if (file !== ":memory:") mkdirSync(dirname(resolve(file)), { recursive: true });
  // The connections the engine opens, so that a caller that gives up on it can close them.
  const base = new PrismaBetterSqlite3({ url });
  const opened = [];
  const tracked = Object.assign(Object.create(Object.getPrototypeOf(base)), base, {
    connect: async () => {
      const connection = await base.connect();
      opened.push(connection);
      return connection;
    },
  });
  const factory = bindMigrationAwareSqlAdapterFactory(tracked);
  const logs = [];
  const engine = await SchemaEngine.new({ datamodels: [["schema.prisma", schemaText]] }, (log) => logs.push(log), factory);
  engine.closeConnections = async () => {
    for (const connection of opened.splice(0)) await connection.dispose?.();
  };
  return engine;
}
