/**
 * Group commit for the command path. Commands that arrive while the writer is busy wait in one queue;
 * when the writer is free, up to MAX_GROUP of them run one after another in a single SQLite
 * transaction, each inside its own savepoint. A command that throws rolls back its savepoint only;
 * the others keep their writes. Nobody is answered before the group has committed, so an answer is
 * never given for a write that is not on disk, and a failed commit fails every command of the group.
 * A commit costs about as much as the writes of a whole command; sharing it is most of the gain under
 * load (docs/decisions/011).
 */
import type Database from "better-sqlite3";
import type { Gate } from "../serialized-adapter";
import { SqlTx, type RecordedStatement } from "./sql-tx";

const MAX_GROUP = 64;

interface Job {
  body: (sql: SqlTx) => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export class GroupCommit {
  readonly #gate: Gate;
  readonly #handle: () => Database.Database | null;
  readonly #record: RecordedStatement[] | undefined;
  #pending: Job[] = [];
  #scheduled = false;

  constructor(gate: Gate, handle: () => Database.Database | null, record?: RecordedStatement[]) {
    this.#gate = gate;
    this.#handle = handle;
    this.#record = record;
  }

  /** Runs `body` in the next group; resolves with its result once the group has committed. */
  submit<T>(body: (sql: SqlTx) => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#pending.push({ body, resolve: resolve as (value: unknown) => void, reject });
      this.#schedule();
    });
  }

  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    void this.#gate.run(async () => {
      // One turn of the event loop, so the commands of requests already in flight can join the group.
      await new Promise((resolve) => setImmediate(resolve));
      this.#scheduled = false;
      const group = this.#pending.splice(0, MAX_GROUP);
      if (this.#pending.length > 0) this.#schedule();
      this.#commit(group);
    });
  }

  #commit(group: Job[]): void {
    const handle = this.#handle();
    if (!handle) {
      for (const job of group) job.reject(new Error("The writer's connection is not a better-sqlite3 database."));
      return;
    }
    const sql = new SqlTx(handle, this.#record);
    // Inside a transaction, better-sqlite3 runs a transaction function as a savepoint.
    const one = handle.transaction((job: Job) => job.body(sql));
    const outcomes: Outcome[] = [];
    try {
      handle
        .transaction(() => {
          for (const job of group) {
            try {
              outcomes.push({ ok: true, value: one(job) });
            } catch (error) {
              outcomes.push({ ok: false, error });
            }
          }
        })
        .immediate();
    } catch (error) {
      for (const job of group) job.reject(error);
      return;
    }
    group.forEach((job, index) => {
      const outcome = outcomes[index]!;
      if (outcome.ok) job.resolve(outcome.value);
      else job.reject(outcome.error);
    });
  }
}
