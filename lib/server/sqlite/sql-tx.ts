/**
 * The command path's SQL: prepared statements run synchronously on the writer's own better-sqlite3
 * connection, inside one transaction that holds the writer's gate (docs/decisions/011). A command is
 * a few dozen microseconds of SQLite instead of milliseconds of ORM, and nothing else can run on the
 * connection while it does, because the whole transaction is one synchronous call.
 */
import type Database from "better-sqlite3";

/** What a statement can be given: dates are stored as Prisma stores them, booleans as 0/1. */
export type SqlValue = string | number | boolean | Date | null | undefined;

/** A statement as sent, for the query-plan test. */
export interface RecordedStatement {
  sql: string;
  params: unknown[];
}

/**
 * A date as Prisma stores it in SQLite ("2026-03-02T17:00:00.000+00:00"). Dates are compared as
 * text, so a row written in another format ("…Z") would sort after the same instant written by
 * Prisma, and a deadline due exactly now would not be due.
 */
export function storedDate(at: Date): string {
  return at.toISOString().replace(/Z$/, "+00:00");
}

/** "?, ?, ?": one parameter per value, for an `IN (…)` list. */
export function placeholders(values: readonly unknown[]): string {
  return values.map(() => "?").join(", ");
}

function bind(value: SqlValue): string | number | null {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return storedDate(value);
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

function prepared(handle: Database.Database, sql: string): Database.Statement {
  let cache = statements.get(handle);
  if (!cache) statements.set(handle, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) {
    statement = handle.prepare(sql);
    // The connection reads integers as BigInt for Prisma; amounts here are small integers.
    if (statement.reader) statement.safeIntegers(false);
    cache.set(sql, statement);
  }
  return statement;
}

/** One transaction's statements. Each distinct SQL text is prepared once per connection. */
export class SqlTx {
  readonly #handle: Database.Database;
  readonly #record: RecordedStatement[] | undefined;

  constructor(handle: Database.Database, record?: RecordedStatement[]) {
    this.#handle = handle;
    this.#record = record;
  }

  #statement(sql: string, params: SqlValue[]): [Database.Statement, (string | number | null)[]] {
    const bound = params.map(bind);
    this.#record?.push({ sql, params: bound });
    return [prepared(this.#handle, sql), bound];
  }

  get<Row>(sql: string, ...params: SqlValue[]): Row | undefined {
    const [statement, bound] = this.#statement(sql, params);
    return statement.get(...bound) as Row | undefined;
  }

  all<Row>(sql: string, ...params: SqlValue[]): Row[] {
    const [statement, bound] = this.#statement(sql, params);
    return statement.all(...bound) as Row[];
  }

  /** Runs a write; returns how many rows it changed. */
  run(sql: string, ...params: SqlValue[]): number {
    const [statement, bound] = this.#statement(sql, params);
    return statement.run(...bound).changes;
  }
}

/** A stored date back as a Date (null stays null). */
export function dateOf(value: string | null): Date | null {
  return value === null ? null : new Date(value);
}

/** SQLite's unique-constraint failure, as better-sqlite3 reports it. */
export function isSqliteUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "SQLITE_CONSTRAINT_UNIQUE";
}

const quoted = (columns: string[]) => columns.map((column) => `"${column}"`).join(", ");

/**
 * Inserts one row (column names come from code, never from input). With `onConflict`, an existing
 * row with the same key gets the other columns instead (an upsert).
 */
export function insertRow(sql: SqlTx, table: string, row: Record<string, SqlValue>, onConflict?: string[]): number {
  const columns = Object.keys(row);
  let text = `INSERT INTO "${table}" (${quoted(columns)}) VALUES (${columns.map(() => "?").join(", ")})`;
  if (onConflict) {
    // The key and the row's own id stay as they are.
    const updates = columns.filter((column) => column !== "id" && !onConflict.includes(column));
    text += ` ON CONFLICT (${quoted(onConflict)}) DO UPDATE SET ${updates.map((column) => `"${column}" = excluded."${column}"`).join(", ")}`;
  }
  return sql.run(text, ...columns.map((column) => row[column]));
}
