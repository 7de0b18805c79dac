import "server-only";
/**
 * The platform's webhooks (issue 31). A command that changes an order's status, its cancel request's
 * or its return request's writes one delivery per registered address into an outbox, in the
 * command's own transaction (lib/server/orders/run-order-command.ts), so a change is never announced
 * without happening, nor happens unannounced. A worker delivers them after commit — at least once,
 * in order per order and address, retried with exponential backoff — each signed as the platform
 * signs: `Authorization` = hex HMAC-SHA256 keyed with the app secret over the app key + the body.
 */
import { webhookSignature } from "@/lib/api/signature";
import { systemClock } from "@/lib/clock";
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import type { Db } from "../prisma";

export const WEBHOOK_MAX_ATTEMPTS = 8;
/** The first retry after a second, then twice as long each time (1, 2, 4 … 64 s). */
export const backoffMs = (attempts: number): number => 1000 * 2 ** Math.max(0, attempts - 1);


/** Whether an address may receive webhooks: http(s) only; while the server listens beyond loopback, no private, link-local or metadata address unless the operator allows them. */
export async function addressAllowed(address: string): Promise<{ ok: true } | { ok: false; why: string }> {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return { ok: false, why: "The address is not a URL." };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return { ok: false, why: "The address must start with http:// or https://." };
  if (url.username || url.password) return { ok: false, why: "The address must not carry a user name or password." };
  if (process.env.WEBHOOK_ALLOW_PRIVATE === "true" || !listensBeyondLoopback()) return { ok: true };
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const addresses = isIP(host) ? [host] : await lookup(host, { all: true }).then((found) => found.map((entry) => entry.address), () => []);
  if (addresses.length === 0) return { ok: false, why: "The address's host does not resolve." };
  const blocked = addresses.find(isPrivateAddress);
  return blocked ? { ok: false, why: `The address resolves to ${blocked}, a private, loopback, link-local or metadata address: set WEBHOOK_ALLOW_PRIVATE=true to allow it.` } : { ok: true };
}

/** The server listens beyond loopback when HOST is not a loopback address (npm start binds 127.0.0.1 unless told otherwise). */
function listensBeyondLoopback(): boolean {
  const host = process.env.HOST ?? "127.0.0.1";
  return !["127.0.0.1", "localhost", "::1"].includes(host);
}

export function isPrivateAddress(address: string): boolean {
  const v4 = address.startsWith("::ffff:") ? address.slice(7) : address;
  if (isIP(v4) === 4) {
    const [a, b] = v4.split(".").map(Number) as [number, number];
    return a === 10 || a === 127 || a === 0 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
  }
  const lower = address.toLowerCase();
  return lower === "::1" || lower === "::" || lower.startsWith("fc") || lower.startsWith("fd") || lower.startsWith("fe80") || lower === "fd00:ec2::254";
}

/**
 * One pass of the delivery worker: for each order and address, its oldest undelivered webhook, if due,
 * is sent (the next waits until it is delivered or given up, so each receiver sees an order's
 * changes in order). A 2xx answer delivers it; anything else is tried again after the backoff, up to
 * WEBHOOK_MAX_ATTEMPTS, then marked FAILED (the developer settings can send it again).
 */
export async function deliverDue(db: Db, realNow: Date, send: typeof fetch = fetch): Promise<{ delivered: number; failed: number }> {
  const heads = await db.$queryRawUnsafe<{ id: string }[]>(
    `SELECT d."id" FROM "WebhookDelivery" d
      WHERE d."status" = 'PENDING' AND d."nextAttemptAt" <= ?
        AND NOT EXISTS (SELECT 1 FROM "WebhookDelivery" e WHERE e."orderId" = d."orderId" AND e."address" = d."address" AND e."status" = 'PENDING' AND (e."createdAt" < d."createdAt" OR (e."createdAt" = d."createdAt" AND e."id" < d."id")))
      ORDER BY d."createdAt" LIMIT 50`,
    realNow.toISOString(),
  );
  let delivered = 0;
  let failed = 0;
  for (const { id } of heads) {
    const delivery = await db.webhookDelivery.findUnique({ where: { id } });
    if (!delivery || delivery.status !== "PENDING") continue;
    const app = await db.apiApp.findUnique({ where: { id: delivery.appId }, select: { appKey: true, appSecret: true } });
    let statusCode: number | null = null;
    let error: string | null = null;
    if (!app) error = "The app was deleted.";
    else {
      const allowed = await addressAllowed(delivery.address);
      if (!allowed.ok) error = allowed.why;
      else {
        try {
          const response = await send(delivery.address, {
            method: "POST",
            headers: { "content-type": "application/json", Authorization: webhookSignature(app.appKey, app.appSecret, delivery.payload) },
            body: delivery.payload,
            redirect: "manual",
            signal: AbortSignal.timeout(5000),
          });
          statusCode = response.status;
          await response.body?.cancel();
        } catch (caught) {
          error = caught instanceof Error ? caught.message.slice(0, 200) : "The request failed.";
        }
      }
    }
    const attempts = delivery.attempts + 1;
    if (statusCode !== null && statusCode >= 200 && statusCode < 300) {
      await db.webhookDelivery.update({ where: { id }, data: { status: "DELIVERED", attempts, lastStatusCode: statusCode, lastError: null, deliveredAt: realNow } });
      delivered++;
    } else {
      const givenUp = attempts >= WEBHOOK_MAX_ATTEMPTS;
      await db.webhookDelivery.update({ where: { id }, data: { status: givenUp ? "FAILED" : "PENDING", attempts, lastStatusCode: statusCode, lastError: error ?? `The receiver answered ${statusCode}.`, nextAttemptAt: new Date(realNow.getTime() + backoffMs(attempts)) } });
      if (givenUp) failed++;
    }
  }
  return { delivered, failed };
}

/** Delivers due webhooks on a real interval while the server runs, one pass at a time. */
export function startWebhookWorker(db: Db, everyMs: number): void {
  let running = false;
  setInterval(() => {
    if (running) return;
    running = true;
    deliverDue(db, systemClock.now())
      .catch((error: unknown) => console.error("Webhook delivery failed:", error))
      .finally(() => {
        running = false;
      });
  }, everyMs).unref();
}
