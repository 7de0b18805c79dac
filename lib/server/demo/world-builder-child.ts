/**
 * The world builder process (world-builder.ts): receives { id, file, template, at } over its IPC
 * channel, seeds the scratch database `file` with the template as of `at` through the same rules and
 * services as always, and answers { id } or { id, error }. One build at a time, in arrival order. It
 * exits when the server that started it goes (its channel closes).
 */
import { createPrismaClient } from "../prisma";
import { seedDemoWorld } from "./seed-world";

interface Build {
  id: number;
  file: string;
  template: "DEMO_COPY" | "PEOPLE_ONLY";
  at: string;
}

let queue: Promise<void> = Promise.resolve();

async function build(request: Build): Promise<void> {
  const scratch = createPrismaClient(`file:${request.file}`);
  try {
    await seedDemoWorld(scratch, new Date(request.at), { orders: request.template === "DEMO_COPY" });
    process.send?.({ id: request.id });
  } catch (error) {
    process.send?.({ id: request.id, error: error instanceof Error ? error.message : String(error) });
  } finally {
    await scratch.$disconnect();
  }
}

process.on("message", (request: Build) => {
  queue = queue.then(() => build(request));
});
process.on("disconnect", () => process.exit(0));
