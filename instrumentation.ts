/**
 * Runs once when the server starts. The rules are checked before the first request: an inconsistent
 * transitions table (an unreachable status, a deadline no timer acts on) stops the server instead
 * of misleading its users.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkRules } = await import("./lib/order/graph");
  const problems = checkRules();
  if (problems.length > 0) throw new Error(`The order rules are inconsistent:\n${problems.join("\n")}`);
}
