import "server-only";
/** The platform's webhook registration, `/event/202309/webhooks` (issue 31): one address per event type and app. */
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { API_ERRORS } from "@/lib/api/envelope";
import { unix } from "@/lib/api/money";
import { WEBHOOK_TYPES, isWebhookEventType } from "@/lib/api/statuses";
import { addressAllowed } from "../webhooks";
import type { ApiContext, ApiRoute } from "../gateway";

const EVENT_TYPES = Object.keys(WEBHOOK_TYPES).join(", ");

async function list(ctx: ApiContext) {
  const rows = await ctx.db.webhookSubscription.findMany({ where: { appId: ctx.app.id }, orderBy: { eventType: "asc" } });
  return { webhooks: rows.map((row) => ({ event_type: row.eventType, address: row.address, create_time: unix(row.createdAt) })), total_count: rows.length };
}

const putBody = z.object({ event_type: z.string().max(60), address: z.string().min(1).max(500) }).passthrough();

async function register(ctx: ApiContext) {
  const parsed = putBody.safeParse(ctx.body);
  if (!parsed.success) throw API_ERRORS.badParam("`event_type` and `address` are required.");
  const { event_type, address } = parsed.data;
  if (!isWebhookEventType(event_type)) throw API_ERRORS.badParam(`\`event_type\` must be one of ${EVENT_TYPES}.`);
  const allowed = await addressAllowed(address);
  if (!allowed.ok) throw API_ERRORS.badParam(`\`address\`: ${allowed.why}`);
  await ctx.db.webhookSubscription.upsert({
    where: { appId_eventType: { appId: ctx.app.id, eventType: event_type } },
    create: { id: randomBytes(10).toString("hex"), appId: ctx.app.id, shopId: ctx.shop.id, eventType: event_type, address, createdAt: ctx.realNow },
    update: { address },
  });
  return {};
}

const deleteBody = z.object({ event_type: z.string().max(60) }).passthrough();

async function remove(ctx: ApiContext) {
  const parsed = deleteBody.safeParse(ctx.body);
  if (!parsed.success || !isWebhookEventType(parsed.data.event_type)) throw API_ERRORS.badParam(`\`event_type\` must be one of ${EVENT_TYPES}.`);
  await ctx.db.webhookSubscription.deleteMany({ where: { appId: ctx.app.id, eventType: parsed.data.event_type } });
  return {};
}

export const EVENT_ROUTES: ApiRoute[] = [
  { method: "GET", path: "/event/202309/webhooks", shop: true, handle: list },
  { method: "PUT", path: "/event/202309/webhooks", shop: true, handle: register },
  { method: "DELETE", path: "/event/202309/webhooks", shop: true, handle: remove },
];
