import "server-only";
/** The platform's webhook registration, `/event/202309/webhooks` (issue 31): one address per event type and app. */
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { API_ERRORS } from "@/lib/api/envelope";
import { unix } from "@/lib/api/money";
import { WEBHOOK_TYPES, isWebhookEventType } from "@/lib/api/statuses";
import { addressAllowed } from "../webhooks";
import { apiRoute, type ApiContext, type ApiRoute } from "../gateway";

const EVENT_TYPES = Object.keys(WEBHOOK_TYPES).join(", ");

async function list(ctx: ApiContext) {
  const rows = await ctx.read.webhookSubscription.findMany({ where: { appId: ctx.app.id }, orderBy: { eventType: "asc" } });
  return { webhooks: rows.map((row) => ({ event_type: row.eventType, address: row.address, create_time: unix(row.createdAt) })), total_count: rows.length };
}

const eventType = z.string({ error: `\`event_type\` must be one of ${EVENT_TYPES}.` }).refine(isWebhookEventType, `\`event_type\` must be one of ${EVENT_TYPES}.`).describe(`One of ${EVENT_TYPES}.`);
const putBody = z
  .object({
    event_type: eventType,
    address: z.string({ error: "`address` is required." }).min(1, "`address` is required.").max(500).describe("The https (or, on a loopback server, http) address that receives the events."),
  })
  .passthrough();

async function register(ctx: ApiContext, { event_type, address }: z.output<typeof putBody>) {
  const allowed = await addressAllowed(address);
  if (!allowed.ok) throw API_ERRORS.badParam(`\`address\`: ${allowed.why}`);
  await ctx.db.webhookSubscription.upsert({
    where: { appId_eventType: { appId: ctx.app.id, eventType: event_type } },
    create: { id: randomBytes(10).toString("hex"), appId: ctx.app.id, shopId: ctx.shop.id, eventType: event_type, address, createdAt: ctx.realNow },
    update: { address },
  });
  return {};
}

const deleteBody = z.object({ event_type: eventType }).passthrough();

async function remove(ctx: ApiContext, body: z.output<typeof deleteBody>) {
  await ctx.db.webhookSubscription.deleteMany({ where: { appId: ctx.app.id, eventType: body.event_type } });
  return {};
}

export const EVENT_ROUTES: ApiRoute[] = [
  apiRoute({ method: "GET", path: "/event/202309/webhooks", shop: true, summary: "The app's webhook addresses, one per event type.", handle: list }),
  apiRoute({ method: "PUT", path: "/event/202309/webhooks", shop: true, summary: "Register (or replace) the address for an event type.", body: putBody, handle: register }),
  apiRoute({ method: "DELETE", path: "/event/202309/webhooks", shop: true, summary: "Stop the webhooks of an event type.", body: deleteBody, handle: remove }),
];
