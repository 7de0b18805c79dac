/**
 * Issue 26: limits per client address, found by probing the running app — one address filled the
 * server's 200 private worlds in 28 s (a fresh visitor cookie each time), made 2,000 sessions in a
 * row and sent 300 messages in 28 s. The proxy itself is called here, as Next calls it, with the
 * socket address stamped as the server stamps it (lib/server/http/peer-address.ts).
 */
import { say } from "../support/order-state";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIMITS, RateLimits, limitSentence } from "@/lib/rate-limit";
import http from "node:http";
import { PEER_HEADER, stampPeerAddresses } from "@/lib/server/http/peer-address";
import { setActionKinds } from "@/lib/server/http/request-limits";
import { proxy } from "@/proxy";
import { i18nFor } from "@/lib/i18n/translator";

const SIGN_IN = "40" + "a".repeat(40);
const CREATE_WORLD = "60" + "b".repeat(40);
const MESSAGE = "60" + "c".repeat(40);
const COMMAND = "60" + "d".repeat(40);

beforeAll(() => setActionKinds({ [SIGN_IN]: "signin", [CREATE_WORLD]: "world", [MESSAGE]: "message" }));
afterAll(() => setActionKinds(null));

/** A form sent from script to an action, from `peer`, with any headers the client adds. */
function post(action: string, peer: string, headers: Record<string, string> = {}): NextRequest {
  return new NextRequest("http://127.0.0.1:3000/", {
    method: "POST",
    headers: { "next-action": action, "content-type": "text/plain;charset=UTF-8", origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000", [PEER_HEADER]: peer, ...headers },
    body: "[]",
  });
}

async function statuses(requests: (() => NextRequest)[]): Promise<number[]> {
  const out: number[] = [];
  for (const make of requests) out.push((await proxy(make())).status);
  return out;
}

describe("the allowances (rate-limiter-flexible, one counter per kind)", () => {
  it("allow so many a window, then refuse with how long to wait; addresses and kinds are separate", async () => {
    const limits = new RateLimits({ ...LIMITS, world: { ...LIMITS.world, points: 3 } });
    for (let i = 0; i < 3; i++) expect((await limits.take("world", "10.0.0.1")).ok).toBe(true);
    const refused = await limits.take("world", "10.0.0.1");
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.retryAfterSeconds).toBeGreaterThan(3500);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(3600);
    expect(say(refused.message)).toBe("Too many new worlds from your network: at most 3 an hour. Try again in 60 minutes.");
    expect((await limits.take("world", "10.0.0.2")).ok).toBe(true);
    expect((await limits.take("signin", "10.0.0.1")).ok).toBe(true);
  });

  it("say how long to wait in seconds or minutes", () => {
    expect(say(limitSentence("message", 1))).toBe(`Too many messages from your network: at most ${LIMITS.message.points} a minute. Try again in 1 second.`);
    expect(say(limitSentence("signin", 45))).toMatch(/Try again in 45 seconds\.$/);
    expect(say(limitSentence("join", 1800))).toMatch(/at most \d+ an hour\. Try again in 30 minutes\.$/);
  });
});

describe("the proxy's limits per address", () => {
  it(`new worlds: ${LIMITS.world.points} from one address, then 429 with a sentence and Retry-After — a new X-Forwarded-For each time changes nothing`, async () => {
    const peer = "203.0.113.7";
    const allowed = await statuses(Array.from({ length: LIMITS.world.points }, (_, i) => () => post(CREATE_WORLD, peer, { "x-forwarded-for": `198.51.100.${i}` })));
    expect(allowed.every((status) => status !== 429)).toBe(true);
    const refused = await proxy(post(CREATE_WORLD, peer, { "x-forwarded-for": "198.51.100.250" }));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.headers.get("content-type")).toBe("text/plain");
    expect(await refused.text()).toMatch(/^Too many new worlds from your network: at most \d+ an hour\. Try again in \d+ (seconds|minutes?)\.$/);
    // In the viewer's language: their language cookie, else their browser's Accept-Language; the error page knows it by its start.
    const chinese = await (await proxy(post(CREATE_WORLD, peer, { cookie: "NEXT_LOCALE=zh-Hant" }))).text();
    expect(chinese).toMatch(/^來自你網路的建立世界的請求過多：每小時最多 \d+ 次。請在 \d+ (秒|分鐘)後再試。$/);
    expect(chinese.startsWith(i18nFor("zh-Hant").t("client.error.limitedStart"))).toBe(true);
    expect(await (await proxy(post(CREATE_WORLD, peer, { "accept-language": "zh-CN,zh;q=0.9" }))).text()).toMatch(/^来自你网络的创建世界的请求过多/);
    // A client's own stamp header is replaced by the server's (peer-address.ts); another address is served.
    expect((await proxy(post(CREATE_WORLD, "203.0.113.8"))).status).not.toBe(429);
    // Other kinds from the same address have allowances of their own.
    expect((await proxy(post(COMMAND, peer))).status).not.toBe(429);
  });

  it(`sign-ins (the probe made 2,000 in a row): ${LIMITS.signin.points} at once, then refused — also for a form posted without script`, async () => {
    const peer = "203.0.113.20";
    const results = await statuses(Array.from({ length: LIMITS.signin.points + 5 }, () => () => post(SIGN_IN, peer)));
    expect(results.filter((status) => status === 429)).toHaveLength(5);
    const noScript = new NextRequest("http://127.0.0.1:3000/", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000", [PEER_HEADER]: peer },
      body: new URLSearchParams([[`$ACTION_ID_${SIGN_IN}`, ""], ["userId", "buyer-ava"]]).toString(),
    });
    expect((await proxy(noScript)).status).toBe(429);
  });

  it(`messages (the probe sent 300 in 28 s): ${LIMITS.message.points} at once, then refused`, async () => {
    const results = await statuses(Array.from({ length: 300 }, () => () => post(MESSAGE, "203.0.113.30")));
    expect(results.filter((status) => status !== 429)).toHaveLength(LIMITS.message.points);
  });

  it("behind a reverse proxy (TRUST_PROXY_HOPS=1) the address is the one the proxy saw, the last of X-Forwarded-For", async () => {
    process.env.TRUST_PROXY_HOPS = "1";
    try {
      const burst = await statuses(Array.from({ length: LIMITS.world.points }, () => () => post(CREATE_WORLD, "127.0.0.1", { "x-forwarded-for": "spoofed, 192.0.2.44" })));
      expect(burst.every((status) => status !== 429)).toBe(true);
      expect((await proxy(post(CREATE_WORLD, "127.0.0.1", { "x-forwarded-for": "another-spoof, 192.0.2.44" }))).status).toBe(429);
      expect((await proxy(post(CREATE_WORLD, "127.0.0.1", { "x-forwarded-for": "192.0.2.45" }))).status).not.toBe(429);
    } finally {
      delete process.env.TRUST_PROXY_HOPS;
    }
  });
});

describe("the socket's address on every request", () => {
  it("is stamped by the server, replacing a header of that name the client sent", async () => {
    stampPeerAddresses();
    const server = http.createServer((request, response) => response.end(String(request.headers[PEER_HEADER])));
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    try {
      const { port } = server.address() as { port: number };
      const seen = await fetch(`http://127.0.0.1:${port}/`, { headers: { [PEER_HEADER]: "10.9.9.9" } }).then((r) => r.text());
      expect(seen).toBe("127.0.0.1");
    } finally {
      server.close();
    }
  });
});
