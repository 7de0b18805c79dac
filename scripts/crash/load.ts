/**
 * The load that `npm run test:crash` kills: as many people's commands as it can send (cancels,
 * cancel requests and their answers, shipments), clock jumps and the sweep in a private world, a
 * private world being created and reset, all at once on DATABASE_URL, until it is killed with -9.
 * It prints a line per 100 commands so the parent knows how far it got.
 */
import { systemClock } from "../../lib/clock";
import type { SessionUser } from "../../lib/server/auth/session-user";
import { runOrderCommand } from "../../lib/server/orders/run-order-command";
import { db } from "../../lib/server/shared-db";
import { advanceClock, appTime } from "../../lib/server/timers/sim-clock";
import { sweepNow } from "../../lib/server/timers/sweeper";
import { createWorld } from "../../lib/server/worlds/create-world";
import { resetOwnWorld } from "../../lib/server/worlds/manage-world";

let done = 0;
const counted = () => {
  done += 1;
  if (done % 100 === 0) console.log(`commands ${done}`);
};

const person = (user: { id: string; worldId: string; role: string; shopId: string | null }): SessionUser => ({ id: user.id, worldId: user.worldId, role: user.role as SessionUser["role"], name: user.id, shopId: user.shopId, shopName: null });

async function people(orderId: string) {
  const order = await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { buyer: true, shop: { select: { sellers: true } } } });
  return { buyer: person(order.buyer), seller: person(order.shop.sellers[0]!) };
}

/** Sends every command the order's people could try now; the engine refuses what does not fit. */
async function work(worldId: string): Promise<void> {
  const orders = await db.order.findMany({ where: { worldId, status: { in: ["ON_HOLD", "AWAITING_SHIPMENT", "IN_TRANSIT", "DELIVERED"] } }, select: { id: true, version: true }, take: 40 });
  const now = await appTime(db, systemClock, worldId);
  await Promise.all(
    orders.map(async (order, i) => {
      const { buyer, seller } = await people(order.id);
      const tries = [
        () => runOrderCommand(db, buyer, { orderId: order.id, expectedVersion: order.version, command: { type: "BUYER_CANCEL", reasonKey: "no_longer_needed" } }, now),
        () => runOrderCommand(db, buyer, { orderId: order.id, expectedVersion: order.version, command: { type: "REQUEST_CANCEL", reasonKey: "no_longer_needed" } }, now),
        () => runOrderCommand(db, seller, { orderId: order.id, expectedVersion: order.version, command: { type: "ARRANGE_SHIPMENT" } }, now),
        () => runOrderCommand(db, seller, { orderId: order.id, expectedVersion: order.version + 1, command: { type: "APPROVE_CANCEL_REQUEST" } }, now),
      ];
      await tries[i % tries.length]!();
      counted();
    }),
  );
}

const created = await createWorld(db, { visitorId: `crash-${process.pid}`, name: "Crash room", ownerName: "Crash", template: "DEMO_COPY" }, systemClock.now());
if (!created.ok) throw new Error(created.error.message.key);
const { worldId } = created.value;
console.log(`world ${worldId}`);
for (let round = 0; ; round++) {
  const tasks: Promise<unknown>[] = [work("demo"), work(worldId)];
  tasks.push(advanceClock(db, new Date((await appTime(db, systemClock, worldId)).getTime() + 3_600_000), "crash test", null, systemClock, worldId).then(() => sweepNow(db)));
  if (round % 5 === 4) tasks.push(resetOwnWorld(db, { worldId, visitorId: `crash-${process.pid}` }, systemClock.now()));
  await Promise.all(tasks);
}
