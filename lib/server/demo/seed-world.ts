/**
 * The demo world: four shops (two on US rules, one on the global rules of the seed article, one with
 * an auto-approve window), six buyers, two support agents, 40 products, and 90-odd orders in every
 * status and sub-state — each story built through the same rule engine and command runner as the
 * app, at times relative to the app clock so that what should still be pending is. Deterministic:
 * the same people, products and stories every time; only the timestamps move with the clock.
 */
import { solidPng } from "./png";
import { openingTopUp, type Command, type OrderStatus, type PaymentMethod } from "@/lib/order";
import type { Db } from "../prisma";
import { SYSTEM_ACTOR, runOrderCommand, type CommandActor } from "../orders/run-order-command";
import { checkUploads, stageEvidence } from "../evidence/uploads";
import type { SessionUser } from "../auth/session-user";
import { sweepDueDeadlines } from "../timers/sweep";
import { buildOrder } from "./build-order";
import { SUGGESTED_TEMPLATES } from "../support/suggested-templates";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const DEMO_SHOPS = [
  { id: "shop-maple", name: "Maple & Moss Home", policyProfile: "US", autoApproveWindow: "OFF", returnAddress: "Maple & Moss Returns, 410 Alder St, Portland, OR 97204" },
  { id: "shop-kite", name: "Kite Street Gadgets", policyProfile: "GLOBAL", autoApproveWindow: "H1", returnAddress: "Kite Street Returns, 12 Harbour Rd, Singapore 099254" },
  { id: "shop-river", name: "Riverbend Outdoor", policyProfile: "US", autoApproveWindow: "H3", returnAddress: "Riverbend Returns, 88 Canyon Way, Boulder, CO 80302", changeOfMindFeeMinor: 499 },
  { id: "shop-lumen", name: "Lumen Beauty", policyProfile: "US", autoApproveWindow: "UNTIL_ARRANGED", returnAddress: "Lumen Returns, 5 Mercer St, New York, NY 10013" },
] as const;

export const DEMO_USERS = [
  { id: "buyer-ava", role: "BUYER", name: "Ava Thompson", shopId: null, blurb: "Pays by card. Has orders paid minutes ago, still in the 1-hour window where cancelling is instant." },
  { id: "buyer-ben", role: "BUYER", name: "Ben Okafor", shopId: null, blurb: "Pays with PayPal. Has orders at every stage, a refused parcel on its way back and a return to ship." },
  { id: "buyer-chloe", role: "BUYER", name: "Chloe Martin", shopId: null, paymentMethods: "WALLET,CARD", blurb: "Pays from the platform wallet, where refunds arrive at once. Has a partial refund offer waiting." },
  { id: "buyer-diego", role: "BUYER", name: "Diego Alvarez", shopId: null, blurb: "Pays by card. Asked a seller to cancel; the answer is due in 3 hours. Has a delayed refund." },
  { id: "buyer-emma", role: "BUYER", name: "Emma Schulz", shopId: null, blurb: "Pays with PayPal. Has a rejected request before platform support, with photos from both sides." },
  { id: "buyer-farah", role: "BUYER", name: "Farah Haddad", shopId: null, blurb: "Pays from the wallet. Shops at the global-rules shop: a rejected cancel request she can still escalate." },
  { id: "seller-maya", role: "SELLER", name: "Maya Patel", shopId: "shop-maple", blurb: "Runs Maple & Moss Home (US rules, no auto-approve window). A cancel request and a returned parcel wait for her." },
  { id: "seller-kenji", role: "SELLER", name: "Kenji Mori", shopId: "shop-kite", blurb: "Runs Kite Street Gadgets (global rules from the seed article, 1-hour auto-approve window)." },
  { id: "seller-rosa", role: "SELLER", name: "Rosa Lindqvist", shopId: "shop-river", blurb: "Runs Riverbend Outdoor (US rules, 3-hour auto-approve window). Has appealed a decision." },
  { id: "seller-omar", role: "SELLER", name: "Omar Nasser", shopId: "shop-lumen", blurb: "Runs Lumen Beauty (US rules, cancels approved until shipment is arranged)." },
  { id: "support-sam", role: "SUPPORT", name: "Sam Rivera", shopId: null, blurb: "Platform support agent. Decides disputes with the whole case in view; may cancel for fraud or risk." },
  { id: "support-priya", role: "SUPPORT", name: "Priya Shah", shopId: null, blurb: "Platform support agent. Decides appeals of decisions another agent made." },
] as const;

const PRODUCT_NAMES: Record<(typeof DEMO_SHOPS)[number]["id"], [string, number][]> = {
  "shop-maple": [["Stoneware mug, moss glaze", 1800], ["Wool throw blanket", 6400], ["Cedar soy candle", 2200], ["Linen napkins (set of 4)", 2400], ["Oak serving board", 4500], ["Ceramic planter", 3200], ["Cotton tea towel", 1200], ["Beeswax wraps", 1600], ["Glass carafe", 2800], ["Woven basket", 3900]],
  "shop-kite": [["Wireless earbuds", 4999], ["Braided USB-C cable (2 m)", 1299], ["Aluminium phone stand", 2450], ["Power bank 10,000 mAh", 3599], ["Bluetooth speaker", 5900], ["Laptop sleeve (14 inch)", 2899], ["Smart plug", 1999], ["LED desk lamp", 4299], ["Webcam 1080p", 5499], ["Mechanical keyboard", 8999]],
  "shop-river": [["Trail water bottle", 2400], ["Merino hiking socks", 1900], ["Headlamp", 3400], ["Camp mug, enamel", 1500], ["Dry bag 20 L", 2900], ["Trekking poles", 7900], ["Insulated jacket", 14900], ["First-aid kit", 3300], ["Packable daypack", 4400], ["Camp stove", 6900]],
  "shop-lumen": [["Vitamin C serum", 3400], ["Hydrating cleanser", 2200], ["SPF 50 sunscreen", 2600], ["Lip balm trio", 1400], ["Night cream", 4800], ["Clay mask", 2900], ["Hair oil", 3100], ["Bamboo brush", 1700], ["Hand cream", 1500], ["Eye patches", 2500]],
};

export const DEMO_QUICK_REPLIES = [
  "Your parcel has already been packed; we can't stop it now. You can refuse it at delivery or ask for a return once it arrives.",
  "Thanks for your message. We're looking into it and will answer within a day.",
  "Could you send a photo of the item and its label? It helps us sort this out quickly.",
] as const;

export const DEMO_PRODUCTS = DEMO_SHOPS.flatMap((shop) =>
  PRODUCT_NAMES[shop.id].map(([title, priceMinor], i) => ({ id: `${shop.id.replace("shop-", "p-")}-${i + 1}`, shopId: shop.id, title, priceMinor, stock: 200 + i * 10 })),
);

const PAYMENT: Record<string, PaymentMethod> = {
  "buyer-ava": "CARD",
  "buyer-ben": "PAYPAL",
  "buyer-chloe": "WALLET",
  "buyer-diego": "CARD",
  "buyer-emma": "PAYPAL",
  "buyer-farah": "WALLET",
};

function person(id: (typeof DEMO_USERS)[number]["id"]): SessionUser {
  const user = DEMO_USERS.find((u) => u.id === id)!;
  return { id: user.id, role: user.role as SessionUser["role"], name: user.name, shopId: user.shopId, shopName: null };
}

/** A small deterministic random source (a linear congruential generator): the same world every time. */
function random(seed: number) {
  let value = seed;
  return (n: number) => {
    value = (value * 1664525 + 1013904223) % 4294967296;
    // The high bits: an LCG's low bits repeat with a short period.
    return Math.floor(value / 65536) % n;
  };
}

interface World {
  db: Db;
  now: Date;
  codes: () => string;
}

type Step = [who: CommandActor | "system", command: Command | ((orderId: string) => Command), at: Date | { deadline: string }, photos?: number];

/** One saved address per buyer (checkout offers them; a buyer may add more). */
const DEMO_ADDRESSES = [
  { id: "address-buyer-ava", userId: "buyer-ava", name: "Ava Thompson", line1: "1200 Pine Street", line2: "Apt 4B", city: "Seattle", region: "WA", postalCode: "98101", country: "US" },
  { id: "address-buyer-ben", userId: "buyer-ben", name: "Ben Okafor", line1: "88 Mission Street", line2: "", city: "San Francisco", region: "CA", postalCode: "94105", country: "US" },
  { id: "address-buyer-chloe", userId: "buyer-chloe", name: "Chloe Martin", line1: "410 Congress Avenue", line2: "", city: "Austin", region: "TX", postalCode: "78701", country: "US" },
  { id: "address-buyer-diego", userId: "buyer-diego", name: "Diego Alvarez", line1: "2300 Biscayne Boulevard", line2: "Unit 12", city: "Miami", region: "FL", postalCode: "33137", country: "US" },
  { id: "address-buyer-emma", userId: "buyer-emma", name: "Emma Schulz", line1: "15 Beacon Street", line2: "", city: "Boston", region: "MA", postalCode: "02108", country: "US" },
  { id: "address-buyer-farah", userId: "buyer-farah", name: "Farah Haddad", line1: "No. 7, Section 5, Xinyi Road", line2: "", city: "Taipei", region: "", postalCode: "110", country: "TW" },
];

/** A message in an order's conversation, as the message service writes it (seeded worlds are built before anyone reads them). */
async function say(world: World, orderId: string, who: { id: string; role: string }, body: string, at: Date): Promise<void> {
  await world.db.$transaction([
    world.db.chatMessage.create({ data: { orderId, authorId: who.id, authorRole: who.role, body, at } }),
    world.db.order.update({ where: { id: orderId }, data: { lastMessageAt: at, lastMessageById: who.id } }),
    world.db.conversationRead.create({ data: { orderId, userId: who.id, lastReadAt: at } }),
  ]);
}

/** Places an order in `status` at `placedAt`, then runs `steps` through the command runner, each at its time (or at a deadline's). */
async function story(
  world: World,
  spec: { buyer: (typeof DEMO_USERS)[number]["id"]; shop: (typeof DEMO_SHOPS)[number]["id"]; items: [number, number][]; status: OrderStatus; placedAt: Date },
  steps: Step[] = [],
): Promise<string> {
  const { db } = world;
  const order = await buildOrder(db, {
    code: world.codes(),
    buyerId: spec.buyer,
    shopId: spec.shop,
    items: spec.items.map(([n, quantity]) => ({ productId: `${spec.shop.replace("shop-", "p-")}-${n}`, quantity })),
    shippingFeeMinor: spec.shop === "shop-kite" ? 399 : 599,
    paymentMethod: PAYMENT[spec.buyer]!,
    status: spec.status,
    placedAt: spec.placedAt,
  });
  for (const [who, make, when, photoCount = 0] of steps) {
    const command = typeof make === "function" ? make(order.id) : make;
    const at = when instanceof Date ? when : (await db.deadline.findFirstOrThrow({ where: { orderId: order.id, kind: { startsWith: when.deadline }, resolvedAt: null }, orderBy: { dueAt: "asc" } })).dueAt;
    const photos = photoCount ? await checkUploads(Array.from({ length: photoCount }, (_, i) => new File([new Uint8Array(solidPng([40 + i * 60, 90, 160 - i * 40], 16))], `photo-${i + 1}.png`, { type: "image/png" }))) : null;
    const withPhotos = photos?.ok ? { ...command, photoCount: photos.uploads.length } : command;
    const staged = photos?.ok ? await stageEvidence(photos.uploads) : null;
    const result = await runOrderCommand(db, who === "system" ? SYSTEM_ACTOR : who, { orderId: order.id, command: withPhotos as Command, attach: staged?.attach }, at);
    await staged?.settle(result.ok);
    if (!result.ok) throw new Error(`Demo story for order ${order.code} failed at ${command.type}: ${result.error.message}`);
  }
  return order.id;
}

/**
 * Seeds the demo world into an empty database. Returns false, changing nothing, when there is data
 * already. `orders: false` seeds the shops, people and products only (an empty private world).
 */
export async function seedDemoWorld(db: Db, now: Date, options: { orders?: boolean } = {}): Promise<boolean> {
  if ((await db.user.count()) > 0) return false;
  const createdAt = new Date(now.getTime() - 90 * DAY);
  await db.$transaction(async (tx) => {
    await tx.shop.createMany({ data: DEMO_SHOPS.map((shop) => ({ ...shop, createdAt })) });
    // Without the stories, each persona's line keeps its first sentence (how they pay, which shop they run).
    const blurb = (text: string) => (options.orders === false ? `${text.split(". ")[0]!.replace(/\.$/, "")}. No orders yet.` : text);
    await tx.user.createMany({ data: DEMO_USERS.map((user, index) => ({ ...user, blurb: blurb(user.blurb), sortOrder: index, createdAt })) });
    await tx.product.createMany({ data: DEMO_PRODUCTS.map((product) => ({ ...product, currency: "USD" })) });
    // Each buyer's wallet opens with a balance (lib/order/wallet.ts), before any order is paid from it.
    await tx.ledgerEntry.createMany({ data: DEMO_USERS.filter((user) => user.role === "BUYER").flatMap((user) => openingTopUp(user.id, createdAt)) });
    // Each buyer has a saved shipping address for checkout.
    await tx.address.createMany({ data: DEMO_ADDRESSES.map((address) => ({ ...address, createdAt })) });
    // Every shop starts with quick replies its sellers send often (edited in the shop's settings).
    await tx.quickReply.createMany({ data: DEMO_SHOPS.flatMap((shop) => DEMO_QUICK_REPLIES.map((text, sortOrder) => ({ id: `${shop.id}-reply-${sortOrder + 1}`, shopId: shop.id, text, sortOrder, updatedAt: createdAt }))) });
    // Support's team starts with the suggested rationale templates (edited on /support/templates).
    await tx.rationaleTemplate.createMany({ data: SUGGESTED_TEMPLATES.map((t, i) => ({ id: `template-${i + 1}`, worldId: "demo", ...t, updatedById: "support-sam", updatedAt: createdAt })) });
  });
  if (options.orders === false) return true;
  let next = 100100;
  const world: World = { db, now, codes: () => String((next += 1)) };
  const ago = (ms: number) => new Date(now.getTime() - ms);

  const maya = person("seller-maya");
  const kenji = person("seller-kenji");
  const rosa = person("seller-rosa");
  const sam = person("support-sam");
  const ben = person("buyer-ben");
  const chloe = person("buyer-chloe");
  const diego = person("buyer-diego");
  const emma = person("buyer-emma");
  const farah = person("buyer-farah");

  // Stories first: each sub-state the simulator knows, with people waiting on each other.
  // Diego asked Maple & Moss to cancel 21 hours ago: Maya has 3 hours left to answer (US: 24 h).
  const asked = await story(world, { buyer: "buyer-diego", shop: "shop-maple", items: [[2, 1]], status: "AWAITING_SHIPMENT", placedAt: ago(26 * HOUR) }, [
    [diego, { type: "REQUEST_CANCEL", reasonKey: "better_price" }, ago(21 * HOUR)],
  ]);
  await say(world, asked, diego, "I found the same one cheaper elsewhere. Could you cancel before it ships?", ago(21 * HOUR - 2 * MINUTE));
  // Emma asked Riverbend to cancel after its 3-hour window; Rosa rejected it.
  const rejected = await story(world, { buyer: "buyer-emma", shop: "shop-river", items: [[7, 1]], status: "AWAITING_SHIPMENT", placedAt: ago(10 * HOUR) }, [
    [emma, { type: "REQUEST_CANCEL", reasonKey: "no_longer_needed" }, ago(5 * HOUR)],
    [rosa, { type: "REJECT_CANCEL_REQUEST", reasonKey: "already_packed" }, ago(4 * HOUR)],
  ]);
  await say(world, rejected, emma, "Please cancel, I don't need the jacket any more.", ago(5 * HOUR - MINUTE));
  await say(world, rejected, rosa, DEMO_QUICK_REPLIES[0], ago(4 * HOUR - MINUTE));
  // Global rules: Farah's rejected cancel can still be escalated, and the order cannot ship meanwhile if she does.
  await story(world, { buyer: "buyer-farah", shop: "shop-kite", items: [[5, 1]], status: "AWAITING_SHIPMENT", placedAt: ago(10 * HOUR) }, [
    [farah, { type: "REQUEST_CANCEL", reasonKey: "bought_by_mistake" }, ago(6 * HOUR)],
    [kenji, { type: "REJECT_CANCEL_REQUEST", reasonKey: "already_packed" }, ago(5 * HOUR)],
  ]);
  // Ben refused a parcel two hours ago; it is on its way back to Maple & Moss.
  await story(world, { buyer: "buyer-ben", shop: "shop-maple", items: [[6, 1]], status: "IN_TRANSIT", placedAt: ago(2 * DAY) }, [[ben, { type: "REFUSE_PARCEL" }, ago(2 * HOUR)]]);
  // Ben's return was approved: Riverbend waits for his parcel (14 days to ship it).
  await story(world, { buyer: "buyer-ben", shop: "shop-river", items: [[3, 1]], status: "DELIVERED", placedAt: ago(6 * DAY) }, [
    [ben, { type: "REQUEST_RETURN", caseType: "RETURN_AND_REFUND", reasonKey: "defective", description: "The headlamp flickers and dies after a minute.", photoCount: 0 }, ago(30 * HOUR), 1],
    [rosa, { type: "APPROVE_RETURN" }, ago(28 * HOUR)],
  ]);
  // Diego's return is back at Maple & Moss: Maya has a day left to inspect it.
  await story(world, { buyer: "buyer-diego", shop: "shop-maple", items: [[5, 1]], status: "DELIVERED", placedAt: ago(9 * DAY) }, [
    [diego, { type: "REQUEST_RETURN", caseType: "RETURN_AND_REFUND", reasonKey: "changed_mind", description: "", photoCount: 0 }, ago(4 * DAY + 12 * HOUR)],
    [maya, { type: "APPROVE_RETURN" }, ago(4 * DAY + 10 * HOUR)],
    [diego, { type: "SHIP_RETURN", method: "SELF_ARRANGED", carrier: "USPS", trackingNumber: "9400111899223334445566" }, ago(4 * DAY)],
    ["system", { type: "RETURN_PARCEL_DELIVERED" }, { deadline: "RETURN_TRANSIT" }],
  ]);
  // Chloe got a partial refund offer from Kite Street: she has until tomorrow morning to answer.
  await story(world, { buyer: "buyer-chloe", shop: "shop-kite", items: [[1, 1]], status: "DELIVERED", placedAt: ago(5 * DAY) }, [
    [chloe, { type: "REQUEST_RETURN", caseType: "REFUND_ONLY", reasonKey: "not_as_described", description: "One earbud is much quieter than the other.", photoCount: 0 }, ago(18 * HOUR), 1],
    [kenji, { type: "OFFER_PARTIAL_REFUND", amountMinor: 1500 }, ago(10 * HOUR)],
  ]);
  // Emma's refund request was rejected; she escalated with a photo and Riverbend answered with photos of its own.
  await story(world, { buyer: "buyer-emma", shop: "shop-river", items: [[4, 2]], status: "DELIVERED", placedAt: ago(8 * DAY) }, [
    [emma, { type: "REQUEST_RETURN", caseType: "REFUND_ONLY", reasonKey: "damaged", description: "Both mugs arrived chipped.", photoCount: 0 }, ago(3 * DAY), 2],
    [rosa, { type: "REJECT_RETURN", reasonKey: "evidence_insufficient" }, ago(40 * HOUR)],
    [emma, { type: "ESCALATE", subject: "CASE", statement: "The chips are on the rim, see the close-up.", photoCount: 0 }, ago(30 * HOUR), 1],
    [rosa, (id) => ({ type: "ADD_DISPUTE_STATEMENT", disputeId: `${id}-dispute-1`, statement: "They left us packed in foam; here is our packing photo.", photoCount: 0 }), ago(20 * HOUR), 2],
  ]);
  // Sam decided for the buyer; Riverbend appealed, and Priya (another agent) is to decide.
  await story(world, { buyer: "buyer-ben", shop: "shop-river", items: [[6, 1]], status: "DELIVERED", placedAt: ago(9 * DAY) }, [
    [ben, { type: "REQUEST_RETURN", caseType: "REFUND_ONLY", reasonKey: "missing_item", description: "The straps were missing from the box.", photoCount: 0 }, ago(4 * DAY), 1],
    [rosa, { type: "REJECT_RETURN", reasonKey: "evidence_insufficient" }, ago(3 * DAY + 20 * HOUR)],
    [ben, { type: "ESCALATE", subject: "CASE", statement: "The box had no straps; the manual lists them.", photoCount: 0 }, ago(3 * DAY + 12 * HOUR)],
    [sam, (id) => ({ type: "DECIDE_DISPUTE", disputeId: `${id}-dispute-1`, outcome: "BUYER", amountMinor: null, returnRequired: false, rationale: "The manual lists the straps and the seller shows no packing list." }), ago(3 * DAY)],
    [rosa, (id) => ({ type: "APPEAL_DECISION", disputeId: `${id}-dispute-1`, statement: "Our packing scale shows the straps were in the box." }), ago(2 * DAY)],
  ]);
  // Diego's card refund is delayed by the payment network.
  await story(world, { buyer: "buyer-diego", shop: "shop-lumen", items: [[1, 1]], status: "ON_HOLD", placedAt: ago(2 * DAY) }, [
    [diego, { type: "BUYER_CANCEL", reasonKey: "better_price" }, ago(2 * DAY - 10 * MINUTE)],
    ["system", (id) => ({ type: "DELAY_REFUND", refundKey: `cancel:${id}` }), ago(DAY)],
  ]);
  // Ava's refund never arrived: it is overdue and she asked platform support to step in.
  await story(world, { buyer: "buyer-ava", shop: "shop-maple", items: [[9, 1]], status: "ON_HOLD", placedAt: ago(16 * DAY) }, [
    [person("buyer-ava"), { type: "BUYER_CANCEL", reasonKey: "bought_by_mistake" }, ago(16 * DAY - 10 * MINUTE)],
    ["system", (id) => ({ type: "DELAY_REFUND", refundKey: `cancel:${id}` }), ago(15 * DAY)],
    ["system", (id) => ({ type: "REFUND_OVERDUE", refundKey: `cancel:${id}` }), { deadline: "REFUND_OVERDUE" }],
    [person("buyer-ava"), (id) => ({ type: "ESCALATE", subject: "REFUND", refundKey: `cancel:${id}`, statement: "Two weeks and nothing on my card.", photoCount: 0 }), ago(2 * DAY)],
  ]);
  // The carrier lost Chloe's parcel from Maple & Moss two days after pickup: no scan since, so it is cancelled as lost in a few days.
  await story(world, { buyer: "buyer-chloe", shop: "shop-maple", items: [[8, 1]], status: "IN_TRANSIT", placedAt: ago(3 * DAY) }, [["system", { type: "LOSE_PARCEL" }, ago(2 * HOUR)]]);
  // Farah's parcel from Lumen was delayed by the carrier: its estimated delivery date has passed, so she can ask for a refund because it won't arrive on time.
  await story(world, { buyer: "buyer-farah", shop: "shop-lumen", items: [[3, 1]], status: "IN_TRANSIT", placedAt: ago(12 * DAY) }, [["system", { type: "DELAY_PARCEL" }, ago(10 * DAY)]]);
  // Emma found her stove from Riverbend damaged on day 45: the order completed and settled long ago, but US Buyer Protection keeps the claim open (90 days).
  await story(world, { buyer: "buyer-emma", shop: "shop-river", items: [[10, 1]], status: "COMPLETED", placedAt: ago(50 * DAY) }, [
    [emma, { type: "REQUEST_RETURN", caseType: "RETURN_AND_REFUND", reasonKey: "damaged", description: "The burner is cracked; I only unpacked it for my first trip.", photoCount: 0 }, ago(2 * HOUR), 1],
  ]);

  // Cancellations of every kind, for the seller metrics: out of stock (seller fault), fraud (support), a withdrawn request.
  await story(world, { buyer: "buyer-chloe", shop: "shop-maple", items: [[1, 2]], status: "AWAITING_SHIPMENT", placedAt: ago(20 * HOUR) }, [
    [maya, { type: "SELLER_CANCEL", reasonKey: "out_of_stock" }, ago(18 * HOUR)],
  ]);
  await story(world, { buyer: "buyer-emma", shop: "shop-lumen", items: [[5, 3]], status: "AWAITING_SHIPMENT", placedAt: ago(14 * HOUR) }, [
    [sam, { type: "OPERATOR_CANCEL", reasonKey: "potential_fraud" }, ago(12 * HOUR)],
  ]);
  await story(world, { buyer: "buyer-farah", shop: "shop-river", items: [[2, 2]], status: "AWAITING_SHIPMENT", placedAt: ago(12 * HOUR) }, [
    [farah, { type: "REQUEST_CANCEL", reasonKey: "wrong_address" }, ago(6 * HOUR)],
    [farah, { type: "WITHDRAW_CANCEL_REQUEST" }, ago(5 * HOUR)],
  ]);

  // Then the everyday orders: each buyer at every shop, in plain statuses, placed so that what is pending still is.
  const pick = random(20261126);
  const buyers = DEMO_USERS.filter((u) => u.role === "BUYER").map((u) => u.id);
  const plan: [OrderStatus, () => number][] = [
    ["UNPAID", () => (1 + pick(18)) * HOUR],
    ["ON_HOLD", () => (3 + pick(45)) * MINUTE],
    ["AWAITING_SHIPMENT", () => (2 + pick(18)) * HOUR],
    ["AWAITING_COLLECTION", () => DAY + (1 + pick(2)) * HOUR],
    ["IN_TRANSIT", () => DAY + (6 + pick(40)) * HOUR],
    ["DELIVERED", () => 5 * DAY + pick(5) * DAY],
    ["COMPLETED", () => 45 * DAY + pick(30) * DAY],
    ["CANCELLED", () => (2 + pick(20)) * DAY],
  ];
  for (let i = 0; i < 80; i++) {
    const [status, age] = plan[i % plan.length]!;
    const shop = DEMO_SHOPS[pick(DEMO_SHOPS.length)]!;
    const lines = 1 + pick(2);
    const items = Array.from({ length: lines }, (_, k): [number, number] => [1 + ((pick(10) + k * 3) % 10), 1 + pick(2)]);
    const unique = items.filter(([n], k) => items.findIndex(([m]) => m === n) === k);
    await story(world, { buyer: buyers[pick(buyers.length)]!, shop: shop.id, items: unique, status, placedAt: ago(age()) });
  }
  // Whatever fell due while the stories were told (refunds that have arrived by now, windows that closed) happens now.
  await sweepDueDeadlines(db, now);
  return true;
}
