/**
 * The per-address limits (lib/rate-limit.ts) applied to what a request is (issue 26): the proxy asks
 * `limitRequest` for every POST and answers 429 with a sentence and Retry-After when it says so.
 * What a POST is comes from the server action it calls, by its exported name in Next's own manifest
 * of server actions (`.next/server/server-reference-manifest.json`): sign-in, world creation,
 * joining, messages; every other form counts as a command. No database, no "server-only": the proxy
 * bundle loads it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { RateLimits, type LimitedKind, type Taken } from "@/lib/rate-limit";
import { PEER_HEADER } from "./peer-address";

const KIND_BY_EXPORT: Record<string, LimitedKind> = {
  signIn: "signin",
  createWorldAction: "world",
  joinWorldAction: "join",
  sendMessageAction: "message",
};

let kinds: Map<string, LimitedKind> | null = null;

/** Action id → kind, read once from the build's manifest (none in a checkout that was never built: every POST is a command). */
function actionKinds(): Map<string, LimitedKind> {
  if (kinds) return kinds;
  kinds = new Map();
  try {
    const manifest = JSON.parse(readFileSync(join(process.cwd(), ".next", "server", "server-reference-manifest.json"), "utf8")) as {
      node?: Record<string, { exportedName?: string }>;
    };
    for (const [id, entry] of Object.entries(manifest.node ?? {})) {
      const kind = entry.exportedName ? KIND_BY_EXPORT[entry.exportedName] : undefined;
      if (kind) kinds.set(id, kind);
    }
  } catch {
    // No build yet (a test importing the proxy): every action counts as a command.
  }
  return kinds;
}

/** For tests: which action ids are which kind, instead of the build's manifest. */
export function setActionKinds(map: Record<string, LimitedKind> | null): void {
  kinds = map ? new Map(Object.entries(map)) : null;
}

/**
 * The client's address: the socket's (stamped by peer-address.ts), or with `TRUST_PROXY_HOPS=n`
 * (the app behind n reverse proxies that append to X-Forwarded-For) the address the nearest of them saw.
 */
export function clientAddress(headers: Headers): string {
  const hops = Number(process.env.TRUST_PROXY_HOPS ?? 0);
  if (hops > 0) {
    const chain = (headers.get("x-forwarded-for") ?? "").split(",").map((part) => part.trim()).filter(Boolean);
    const seen = chain[chain.length - hops];
    if (seen) return seen;
  }
  return headers.get(PEER_HEADER) ?? "unknown";
}

/** The action a POST calls: its header (a call from script), or the `$ACTION_ID_<id>` field of a form posted without script. */
export function actionIdOf(headers: Headers, fieldNames: Iterable<string>): string | null {
  const header = headers.get("next-action");
  if (header) return header;
  for (const name of fieldNames) if (name.startsWith("$ACTION_ID_")) return name.slice("$ACTION_ID_".length);
  return null;
}

const limits = new RateLimits();

/** Takes one request of its kind from its address's allowance. */
export async function limitRequest(headers: Headers, fieldNames: Iterable<string>): Promise<Taken & { kind: LimitedKind }> {
  const id = actionIdOf(headers, fieldNames);
  const kind = (id && actionKinds().get(id)) || "command";
  return { kind, ...(await limits.take(kind, clientAddress(headers))) };
}
