/**
 * Runs once when the server starts. The rules are checked before the first request: an inconsistent
 * transitions table (an unreachable status, a deadline no timer acts on) stops the server instead of
 * misleading its users. Scratch files of an interrupted reset are removed, and idle private worlds
 * expire. Then the timer sweeper starts: every deadline is acted on while the server
 * runs (SWEEP_EVERY_MS, default 5 s; 0 turns it off), and the planner's statistics are kept fresh.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Every request carries its socket's address for the per-address limits (lib/server/http/peer-address.ts).
  const { stampPeerAddresses } = await import("./lib/server/http/peer-address");
  stampPeerAddresses();
  const { checkRules } = await import("./lib/order/graph");
  const problems = checkRules();
  if (problems.length > 0) throw new Error(`The order rules are inconsistent:\n${problems.join("\n")}`);

  const { db } = await import("./lib/server/shared-db");
  // A reset that died while building its scratch world leaves the scratch file behind, never a partial world.
  const { removeScratchWorlds } = await import("./lib/server/demo/reset-world");
  const { databaseFile } = await import("./lib/server/prisma");
  removeScratchWorlds(databaseFile(db));
  // An upload killed between staging its photo and placing it leaves a staged file: none is in flight yet.
  const { removeStrandedUploads } = await import("./lib/server/evidence/uploads");
  const stranded = removeStrandedUploads();
  if (stranded.length > 0) console.log(`Removed ${stranded.length} staged upload file(s) an interrupted upload left behind.`);
  const { startOptimizer } = await import("./lib/server/db-maintenance");
  startOptimizer(db);

  // Private worlds nobody used for WORLD_IDLE_DAYS are deleted, and sessions that ended a day ago
  // forgotten, at start and every hour after.
  const { expireIdleWorlds } = await import("./lib/server/worlds/expire-worlds");
  const { removeEndedSessions } = await import("./lib/server/auth/sessions");
  const expire = () =>
    Promise.all([expireIdleWorlds(db, new Date()), removeEndedSessions(db, new Date())]).catch((error: unknown) => console.error("The hourly clean-up failed:", error));
  await expire();
  setInterval(expire, 3_600_000).unref();

  // The platform API's webhooks are delivered after their commands commit (WEBHOOK_EVERY_MS, default 1 s; 0 turns it off).
  const webhookEvery = Number(process.env.WEBHOOK_EVERY_MS ?? 1000);
  if (webhookEvery > 0) {
    const { startWebhookWorker } = await import("./lib/server/api/webhooks");
    startWebhookWorker(db, webhookEvery);
  }

  const every = Number(process.env.SWEEP_EVERY_MS ?? 5000);
  if (every > 0) {
    const { startSweeper } = await import("./lib/server/timers/sweeper");
    startSweeper(db, every);
  }
}
