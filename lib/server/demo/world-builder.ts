/**
 * Builds worlds' scratch databases in a process of their own (issue 26): seeding ~95 stories through
 * the rules takes about a second of CPU, which on the server's event loop held up every other
 * request. One builder process (world-builder-child.ts) is started on the first build and kept: it
 * pays Node's, tsx's and Prisma's start-up once, runs at the lowest CPU priority so that the server's
 * own requests come first, and builds one world at a time. It dies with the server (its IPC channel);
 * a build it was doing then leaves only a scratch file, which the next start removes.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { setPriority } from "node:os";
import type { WorldTemplate } from "@/lib/worlds";

const CHILD = "lib/server/demo/world-builder-child.ts";

interface Builder {
  child: ChildProcess;
  next: number;
  pending: Map<number, { done: () => void; fail: (error: Error) => void }>;
}

/** Kept under a global symbol: the server bundles this module more than once, and they share one builder. */
const KEY = Symbol.for("refund-lab.world-builder");
const holder = globalThis as unknown as { [KEY]?: Builder };

function start(): Builder {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", CHILD], {
    cwd: process.cwd(),
    env: process.env,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  try {
    if (child.pid) setPriority(child.pid, 19);
  } catch {
    // Not permitted here: the builder runs at normal priority.
  }
  const builder: Builder = { child, next: 1, pending: new Map() };
  child.on("message", (message: { id: number; error?: string }) => {
    const waiting = builder.pending.get(message.id);
    if (!waiting) return;
    builder.pending.delete(message.id);
    if (message.error) waiting.fail(new Error(`Building the world failed: ${message.error}`));
    else waiting.done();
    idle(builder);
  });
  const gone = (why: string) => {
    if (holder[KEY] === builder) delete holder[KEY];
    for (const waiting of builder.pending.values()) waiting.fail(new Error(`The world builder stopped (${why}).`));
    builder.pending.clear();
  };
  child.on("exit", (code, signal) => gone(signal ?? `exit ${code}`));
  child.on("error", (error) => gone(error.message));
  return builder;
}

/** An idle builder does not keep a script or a test process alive. */
function idle(builder: Builder): void {
  if (builder.pending.size > 0) return;
  builder.child.unref();
  (builder.child.channel as { unref?: () => void } | undefined)?.unref?.();
}

/** Seeds the scratch database `file` with the template, as of `realNow`, in the builder process. */
export function buildScratchWorld(file: string, template: WorldTemplate, realNow: Date): Promise<void> {
  const builder = (holder[KEY] ??= start());
  const id = builder.next++;
  builder.child.ref();
  (builder.child.channel as { ref?: () => void } | undefined)?.ref?.();
  return new Promise((done, fail) => {
    builder.pending.set(id, { done, fail });
    builder.child.send({ id, file, template, at: realNow.toISOString() }, (error) => {
      if (!error) return;
      builder.pending.delete(id);
      fail(error);
    });
  });
}
