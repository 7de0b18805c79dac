/**
 * Every query of the command path, the lists, the order page, the notifications, the clock bar and
 * the timer sweep, at 100,000 orders (the demo world copied with all its rows): none reads a large
 * table whole, and none sorts one. The plans are printed, so a reviewer sees them; speed itself is
 * measured by `npm run bench`, not here.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { orderScope } from "@/lib/server/auth/session-user";
import { db } from "@/lib/server/db";
import { cloneOrders } from "@/lib/server/demo/clone-orders";
import { seedDemoWorld } from "@/lib/server/demo/seed-world";
import { listNotifications } from "@/lib/server/notifications/list-notifications";
import { getOrderDetail } from "@/lib/server/orders/get-order";
import { buyerStageCounts, listOrders } from "@/lib/server/orders/list-orders";
import { BUYER_STAGES } from "@/lib/order";
import { cartCount, cartLinesOf, cartView, readCartCount } from "@/lib/server/shop/cart";
import { checkoutView, listStorefront } from "@/lib/server/shop/storefront";
import { updateCart } from "@/lib/server/shop/update-cart";
import { walletView } from "@/lib/server/shop/wallet";
import { topUpWallet } from "@/lib/server/shop/top-up-wallet";
import { runOrderCommand } from "@/lib/server/orders/run-order-command";
import { readSellerWaitingLabel, sellerQueue, sellerQueueCounts } from "@/lib/server/seller/needs-action";
import { sellerPerformance } from "@/lib/server/seller/performance";
import { agentFigures } from "@/lib/server/support/agent-figures";
import { caseView } from "@/lib/server/support/case-view";
import { getConversation } from "@/lib/server/conversations/conversation";
import { listConversations, readUnreadCounts, unreadCounts } from "@/lib/server/conversations/inbox";
import { liveStamp } from "@/lib/server/live/live-stamp";
import { roomStamp } from "@/lib/server/scenarios/room-stamp";
import { runOfOrder, runsOfVisitor, trainingRoom } from "@/lib/server/scenarios/runs";
import { queueFilters, supportQueue } from "@/lib/server/support/queue";
import { performanceOrders } from "@/lib/server/seller/performance-orders";
import { nextDeadline, readNextDeadline, sweepDueDeadlines } from "@/lib/server/timers/sweep";
import { readSql } from "@/lib/server/sqlite/read-sql";
import { readSessionUser } from "@/lib/server/auth/sessions";
import { readWorldView } from "@/lib/server/worlds/world-access";
import { readPersonas } from "@/lib/server/auth/personas";
import { CANCELLATION_ROUTES } from "@/lib/server/api/endpoints/cancellations";
import { ORDER_ROUTES } from "@/lib/server/api/endpoints/orders";
import { RETURN_ROUTES } from "@/lib/server/api/endpoints/returns";
import { deliveryLogs } from "@/lib/server/api/delivery-log";
import Database from "better-sqlite3";
import { LARGE_TABLES, OPEN_WORK_INDEXES, expectGoodPlans, plansFor as recordedPlans, recordingClient, usedIndexes } from "../support/query-plans";

const file = process.env.DATABASE_URL!.replace(/^file:/, "");
const now = new Date();
const recorder = recordingClient(`file:${file}`);
const rec = recorder.db;

const maya: SessionUser = { id: "seller-maya", role: "SELLER", name: "Maya Patel", shopId: "shop-maple", shopName: "Maple & Moss Home" };
const sam: SessionUser = { id: "support-sam", role: "SUPPORT", name: "Sam Rivera", shopId: null, shopName: null };
let orders = 0;

beforeAll(async () => {
  await seedDemoWorld(db, now);
  const seeded = await db.order.count();
  await db.$disconnect();
  orders = cloneOrders(file, Math.ceil(100_000 / seeded) - 1);
}, 180_000);

afterAll(async () => {
  await rec.$disconnect();
});

const plansFor = (flow: () => Promise<unknown>) => recordedPlans(file, recorder, flow);

describe("query plans at 100,000 orders", () => {
  it("the world is that big", () => {
    expect(orders).toBeGreaterThanOrEqual(100_000);
  });

  it("lists: a seller's, by status, a queue, support's dispute queue and its next page, a buyer's", async () => {
    const plans = await plansFor(async () => {
      const first = await listOrders(maya, {});
      await listOrders(maya, { after: first.older! });
      await listOrders(maya, { before: first.rows.at(-1) ? `${first.rows.at(-1)!.placedAt.getTime()}.${first.rows.at(-1)!.id}` : undefined });
      await listOrders(maya, { status: "AWAITING_SHIPMENT" });
      await listOrders(maya, { open: "CANCEL_REQUEST" });
      const queue = await listOrders(sam, { open: "DISPUTE" });
      await listOrders(sam, { open: "DISPUTE", after: queue.older ?? undefined });
      await listOrders(sam, {});
      await listOrders(sam, { status: "AWAITING_SHIPMENT" });
      await listOrders({ id: "buyer-ben", role: "BUYER", name: "Ben Okafor", shopId: null, shopName: null }, {});
    });
    expectGoodPlans("lists", plans);
  });

  it("support's workbench: the queue by target (all, one kind, filtered, the next page) and a case with both parties' records", async () => {
    const dispute = await rec.dispute.findFirstOrThrow({ where: { status: "OPEN" }, select: { id: true } });
    const plans = await plansFor(async () => {
      const first = await supportQueue(sam, queueFilters({}), now, {});
      await supportQueue(sam, queueFilters({}), now, { after: first.later ?? undefined });
      await supportQueue(sam, queueFilters({ kind: "APPEAL" }), now, {});
      await supportQueue(sam, queueFilters({ shop: "shop-river", profile: "US", age: "24", holder: "NOBODY" }), now, {});
      expect(await caseView(sam, dispute.id, now)).not.toBeNull();
    });
    expectGoodPlans("support workbench", plans);
  });

  it("the buyer's side: the home by stage with its counts, each stage's list, the wallet, its next page and a top-up, the cart and the storefront", async () => {
    const chloe: SessionUser = { id: "buyer-chloe", role: "BUYER", name: "Chloe Martin", shopId: null, shopName: null };
    await updateCart(chloe, { productId: "p-maple-1", quantity: 2, mode: "add" }, now, db);
    const plans = await plansFor(async () => {
      await buyerStageCounts(chloe);
      for (const stage of BUYER_STAGES) await listOrders(chloe, { stage });
      const wallet = await walletView(chloe, undefined);
      expect(wallet!.next).not.toBeNull();
      await walletView(chloe, wallet!.next!);
      await cartCount(chloe);
      await cartView(chloe);
      await cartLinesOf(chloe, "shop-maple");
      await listStorefront(chloe);
      await checkoutView(chloe, "shop-maple", [{ productId: "p-maple-1", quantity: 1 }]);
      expect((await topUpWallet(chloe, { amountMinor: 500, idempotencyKey: "plans-top-up" }, now, rec)).ok).toBe(true);
    });
    expectGoodPlans("the buyer's side", plans);
  });

  it("conversations, the inbox, the header's unread counts and the live stamp every open page polls", async () => {
    const order = await rec.order.findFirstOrThrow({ where: { shopId: "shop-maple" }, select: { id: true } });
    const ben: SessionUser = { id: "buyer-ben", role: "BUYER", name: "Ben Okafor", shopId: null, shopName: null };
    const plans = await plansFor(async () => {
      for (const user of [maya, sam, ben]) {
        await liveStamp(user);
        await unreadCounts(user);
        await listConversations(user);
      }
      expect(await getConversation(maya, order.id)).not.toBeNull();
    });
    expectGoodPlans("conversations and live pages", plans);
  });

  it("scenarios: a run's checklist, a visitor's runs, the training room and its live stamp", async () => {
    const some = await rec.order.findMany({ where: { shopId: "shop-maple" }, take: 3, select: { id: true } });
    await rec.scenarioRun.createMany({ data: some.map((order, i) => ({ id: `plan-run-${i}`, worldId: "demo", scenarioId: "instant-cancel", orderId: order.id, visitorId: `plan-visitor-${i % 2}`, startedAt: now })) });
    await rec.worldMember.createMany({ data: [0, 1].map((i) => ({ id: `plan-member-${i}`, worldId: "demo", visitorId: `plan-visitor-${i}`, name: `Member ${i}`, role: "MEMBER", joinedAt: now })) });
    const plans = await plansFor(async () => {
      expect(await runOfOrder("demo", some[0]!.id)).not.toBeNull();
      expect(await runsOfVisitor("demo", "plan-visitor-0")).toHaveLength(2);
      expect(await trainingRoom("demo", now)).toHaveLength(2);
      await roomStamp("demo");
    });
    expectGoodPlans("scenarios and the training room", plans);
    await rec.scenarioRun.deleteMany({ where: { id: { startsWith: "plan-run-" } } });
    await rec.worldMember.deleteMany({ where: { id: { startsWith: "plan-member-" } } });
  });

  it("the seller's queue: the header's counts (every page a seller opens) and each tab's first page", async () => {
    const plans = await plansFor(async () => {
      await sellerQueueCounts(maya);
      for (const tab of ["cancel-requests", "to-ship", "requests", "disputes", "appeals"]) await sellerQueue(maya, { tab });
    });
    expectGoodPlans("seller queue", plans);
  });

  it("the order page, the notifications and the clock bar's next deadline", async () => {
    const order = await rec.order.findFirstOrThrow({ where: { shopId: "shop-maple", openWork: "CASE" }, select: { id: true } });
    const plans = await plansFor(async () => {
      expect(await getOrderDetail(maya, order.id, now)).not.toBeNull();
      await listNotifications(maya, { page: 1 });
      await nextDeadline(rec, now, orderScope(maya));
      await nextDeadline(rec, now, orderScope(sam));
    });
    expectGoodPlans("order page", plans);
  });

  it("every page's header: the session's person, the world, the clock bar, the seller's waiting count, unread counts, the cart and the personas, in one snapshot", async () => {
    const ava = await rec.user.findFirstOrThrow({ where: { role: "BUYER" }, select: { id: true, name: true } });
    const buyer: SessionUser = { id: ava.id, role: "BUYER", name: ava.name, shopId: null, shopName: null };
    const plans = await plansFor(async () => {
      readSql((sql) => {
        expect(readSessionUser(sql, "no-such-session", "visitor", now)).toBeNull();
        expect(readWorldView(sql, "demo", "visitor")).not.toBeNull();
        for (const user of [maya, sam, buyer]) {
          readNextDeadline(sql, now, orderScope(user));
          readUnreadCounts(sql, user);
          readCartCount(sql, user);
        }
        readSellerWaitingLabel(sql, maya);
        expect(readPersonas(sql, "demo").length).toBeGreaterThan(0);
      });
    });
    expectGoodPlans("header", plans);
  });

  it("the command path: a buyer's instant cancel, refunded, and a seller's answer to a cancel request", async () => {
    const onHold = await rec.order.findFirstOrThrow({ where: { status: "ON_HOLD", remorseEndsAt: { gt: now } }, select: { id: true, version: true, buyerId: true } });
    const requested = await rec.order.findFirstOrThrow({ where: { shopId: "shop-maple", openWork: "CANCEL_REQUEST" }, select: { id: true, version: true } });
    const buyer: SessionUser = { id: onHold.buyerId, role: "BUYER", name: "Buyer", shopId: null, shopName: null };
    const plans = await plansFor(async () => {
      const cancelled = await runOrderCommand(rec, buyer, { orderId: onHold.id, expectedVersion: onHold.version, idempotencyKey: `plan-${onHold.id}`, command: { type: "BUYER_CANCEL", reasonKey: "bought_by_mistake" } }, now);
      expect(cancelled.ok).toBe(true);
      const approved = await runOrderCommand(rec, maya, { orderId: requested.id, expectedVersion: requested.version, command: { type: "APPROVE_CANCEL_REQUEST" } }, now);
      expect(approved.ok).toBe(true);
    });
    expectGoodPlans("commands", plans);
  });

  it("the platform API: cancellation, return and order searches with their next pages, orders by id, eligibility, a refund's calculation and the webhook delivery log", async () => {
    const routes = [...CANCELLATION_ROUTES, ...RETURN_ROUTES, ...ORDER_ROUTES];
    const seller = { ...maya, worldId: "demo" };
    const api = async (method: string, path: string, body: unknown = {}, query: Record<string, string> = {}, params: Record<string, string> = {}) => {
      const route = routes.find((candidate) => candidate.method === method && candidate.path === path)!;
      const parsed = route.body ? route.body.parse(body) : body;
      const ctx = { db: rec, read: rec, app: { id: "plans-app", shopId: "shop-maple", worldId: "demo" }, shop: { id: "shop-maple", worldId: "demo", name: "Maple & Moss Home", policyProfile: "US" }, seller, realNow: now, now, query: new URLSearchParams(query), body: parsed, params };
      return (await route.handle(ctx, parsed)) as { next_page_token?: string };
    };
    const delivered = await rec.order.findFirstOrThrow({ where: { shopId: "shop-maple", status: "DELIVERED", returnCases: { none: {} } }, select: { id: true } });
    const plans = await plansFor(async () => {
      const pending = await api("POST", "/return_refund/202309/cancellations/search", { cancel_status: ["CANCELLATION_REQUEST_PENDING"] }, { page_size: "20" });
      expect(pending.next_page_token).not.toBe("");
      await api("POST", "/return_refund/202309/cancellations/search", { cancel_status: ["CANCELLATION_REQUEST_PENDING"] }, { page_size: "20", page_token: pending.next_page_token! });
      const all = await api("POST", "/return_refund/202309/cancellations/search", {}, { page_size: "50" });
      await api("POST", "/return_refund/202309/cancellations/search", {}, { page_size: "50", page_token: all.next_page_token! });
      await api("POST", "/return_refund/202309/returns/search", {});
      const returns = await api("POST", "/return_refund/202309/returns/search", { return_status: ["BUYER_SHIPPED_ITEM"] });
      await api("POST", "/return_refund/202309/returns/search", { return_status: ["BUYER_SHIPPED_ITEM"] }, { page_token: returns.next_page_token ?? "" });
      const orders = await api("POST", "/order/202309/orders/search", { order_status: "DELIVERED" });
      await api("POST", "/order/202309/orders/search", { order_status: "DELIVERED" }, { page_token: orders.next_page_token! });
      await api("POST", "/order/202309/orders/search", {});
      await api("GET", "/order/202309/orders", {}, { ids: delivered.id });
      await api("GET", "/return_refund/202309/orders/{order_id}/aftersale_eligibility", {}, {}, { order_id: delivered.id });
      await api("POST", "/return_refund/202309/refunds/calculate", { order_id: delivered.id, request_type: "RETURN_AND_REFUND", reason_name: "changed_mind" });
      await deliveryLogs(seller, ["plans-app"]);
    });
    expectGoodPlans("platform API", plans);
  });

  it("the timer sweep: only due rows", async () => {
    const plans = await plansFor(() => sweepDueDeadlines(rec, new Date(now.getTime() + 2 * 3_600_000), { batch: 20, maxRounds: 1 }));
    expectGoodPlans("sweep", plans);
  });

  it("seller performance and agent figures: every figure an index range, and how long the seller page's query takes (printed, not asserted)", async () => {
    // Every copy of the demo world happened in the same 30 days, so today every row is inside the
    // window and SQLite rightly reads small tables whole. The plans are checked 60 days on, when the
    // window holds what a shop's month holds, a small part of its history.
    const later = new Date(now.getTime() + 60 * 86_400_000);
    const plans = await plansFor(async () => {
      await sellerPerformance(maya, later);
      await performanceOrders(maya, later, { list: "sfcr", window: 30 });
      await performanceOrders(maya, later, { list: "answered", window: 30 });
      await agentFigures(sam, later);
    });
    expectGoodPlans("seller performance", plans);
    expect((await sellerPerformance(maya, now))!.windows[1]!.rates[0]!.denominator).toBeGreaterThan(1000);
    // A benchmark, not an assertion: the median of 7 runs of the whole page's figures for Maya's shop.
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      const started = performance.now();
      await sellerPerformance(maya, now);
      times.push(performance.now() - started);
    }
    const shopOrders = await rec.order.count({ where: { shopId: "shop-maple" } });
    console.log(`\nseller performance at ${orders.toLocaleString("en-US")} orders (${shopOrders.toLocaleString("en-US")} of them Maya's shop's, all inside the 30 days): median ${times.sort((a, b) => a - b)[3]!.toFixed(1)} ms of 7 runs`);
  });

  it("every index of a large table is used by a plan above, or enforces a uniqueness rule; the open-work indexes hold open deadlines only", () => {
    const handle = new Database(file, { readonly: true });
    const indexes = handle.prepare(`SELECT name, tbl_name AS "table", sql FROM sqlite_master WHERE type = 'index'`).all() as { name: string; table: string; sql: string | null }[];
    handle.close();
    const large = indexes.filter((index) => LARGE_TABLES.includes(index.table));
    // A unique index is a rule (one refund per key, one event per version), needed whether or not a read seeks on it.
    const unused = large.filter((index) => !usedIndexes.has(index.name) && !/^CREATE UNIQUE/.test(index.sql ?? "") && !index.name.startsWith("sqlite_autoindex_"));
    console.log(`\nindexes of large tables: ${large.length}; used by a plan above: ${large.filter((index) => usedIndexes.has(index.name)).length}; unused: ${unused.map((index) => index.name).join(", ") || "none"}`);
    expect(unused.map((index) => index.name)).toEqual([]);
    expect(indexes.filter((index) => / WHERE "resolvedAt" IS NULL$/.test(index.sql ?? "")).map((index) => index.name).sort()).toEqual([...OPEN_WORK_INDEXES].sort());
  });
});
