import { readFileSync, statSync } from "node:fs";
import { solidPng } from "@/lib/server/demo/png";
import { expect, signInAs, test } from "./support";

/** What the server under test logged since `from` (scripts/e2e-server.sh keeps its output in this file). */
const SERVER_LOG = "data/e2e-server.log";
const logSize = () => statSync(SERVER_LOG).size;
const loggedSince = (from: number) => readFileSync(SERVER_LOG).subarray(from).toString("utf8");

function expectSecurityHeaders(headers: Record<string, string>, what: string) {
  const csp = headers["content-security-policy"] ?? "";
  expect(csp, what).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp, what).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(csp, what).toContain("object-src 'none'");
  expect(headers["x-frame-options"], what).toBe("DENY");
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"], what).toContain("camera=()");
}

test("every kind of page carries the security headers; a photo is served sandboxed; another site cannot frame the app", async ({ page, db }) => {
  const anonymous = ["/", "/join/not-a-real-token-000", "/no-such-page"];
  for (const path of anonymous) expectSecurityHeaders((await page.request.get(path)).headers(), path);

  await signInAs(page, "Sam Rivera");
  const order = await db.order.findFirstOrThrow({ where: { worldId: "demo" }, select: { id: true } });
  const evidence = await db.evidence.findFirstOrThrow({ where: { order: { worldId: "demo" } }, select: { id: true } });
  for (const path of ["/support/orders", `/orders/${order.id}`, "/notifications", `/orders/${order.id}?nope=1`]) expectSecurityHeaders((await page.request.get(path)).headers(), path);
  await signInAs(page, "Ava Thompson");
  for (const path of ["/buyer/orders", "/notifications"]) expectSecurityHeaders((await page.request.get(path)).headers(), path);
  await signInAs(page, "Maya Patel");
  expectSecurityHeaders((await page.request.get("/seller/orders")).headers(), "/seller/orders");

  // A photo: its own policy (a sandbox: even opened on its own it runs nothing), named, not sniffed.
  await signInAs(page, "Sam Rivera");
  const photo = await page.request.get(`/evidence/${evidence.id}`);
  expect(photo.status()).toBe(200);
  expect(photo.headers()["content-security-policy"]).toContain("sandbox");
  expect(photo.headers()["content-security-policy"]).toContain("default-src 'none'");
  expect(photo.headers()["content-disposition"]).toMatch(/^inline; filename="evidence-[A-Za-z0-9_-]+\.(png|jpeg|webp)"$/);
  expect(photo.headers()["x-content-type-options"]).toBe("nosniff");

  // Another site framing the app gets nothing: the browser refuses to show it in the frame.
  const framer = await page.context().newPage();
  await framer.setContent(`<iframe title="app" src="${new URL("/", page.url()).href}" width="800" height="600"></iframe>`);
  await framer.waitForTimeout(0);
  await expect(framer.frameLocator("iframe").getByRole("heading", { name: "Who do you want to be?" })).toHaveCount(0);
  await framer.close();
});

test("malformed and forged requests get a 4xx and a sentence, never a 500, and the server logs no error", async ({ page, db }) => {
  await page.goto("/");
  const signInId = (await page.locator('form input[name^="$ACTION_ID_"]').first().getAttribute("name"))!.replace("$ACTION_ID_", "");
  const origin = new URL(page.url()).origin;
  const before = logSize();
  const buyerCancels = () => db.order.count({ where: { worldId: "demo", status: "CANCELLED", cancelledByRole: "BUYER" } });
  const cancelsBefore = await buyerCancels();
  const attempts: { what: string; status: number }[] = [];
  const send = async (what: string, request: Promise<import("@playwright/test").APIResponse>, expected: number | "not 5xx", sentence?: RegExp) => {
    const response = await request;
    attempts.push({ what, status: response.status() });
    if (expected === "not 5xx") expect(response.status(), what).toBeLessThan(500);
    else expect(response.status(), what).toBe(expected);
    if (sentence) expect(await response.text(), what).toMatch(sentence);
  };
  const action = (headers: Record<string, string>, data: string | Buffer, contentType = "text/plain;charset=UTF-8") =>
    page.request.fetch("/", { method: "POST", headers: { "next-action": signInId, "content-type": contentType, origin, ...headers }, data, maxRedirects: 0 });

  for (const path of ["/orders/%E0%A4%A", "/join/%E0%A4%A", "/worlds/%E0%A4%A", "/evidence/%E0%A4%A", "/orders/%"]) {
    await send(`GET ${path}`, page.request.get(path, { maxRedirects: 0 }), 400, /not valid/);
  }
  for (const foreign of ["http://evil.example", "null", "http://127.0.0.1:9999", "not a url"]) {
    await send(`action from ${foreign}`, action({ origin: foreign }, "[]"), 403, /other sites/);
  }
  for (const id of ["40deadbeef", "x".repeat(42), "<script>", ""]) {
    await send(`action id ${JSON.stringify(id)}`, action({ "next-action": id }, "[]"), id === "" ? "not 5xx" : 400);
  }
  await send("a 41 MB body", action({}, Buffer.alloc(41 * 1024 * 1024)), 413, /too much to send/);
  for (const [what, body, type] of [
    ["a JSON body", JSON.stringify({ userId: "buyer-ava" }), "application/json"],
    ["a string", '"buyer-ava"', "text/plain;charset=UTF-8"],
    ["an array of junk", "[1,2,3]", "text/plain;charset=UTF-8"],
    ["not JSON at all", "\u0000\u0001\u0002", "text/plain;charset=UTF-8"],
  ] as const) {
    await send(`sign-in with ${what}`, action({}, body, type), "not 5xx");
  }
  // The same field twice is refused, not "the last one wins": nobody is signed in.
  const twice = new URLSearchParams([["$ACTION_ID_" + signInId, ""], ["userId", "buyer-ava"], ["userId", "seller-maya"]]).toString();
  await send("a repeated field", page.request.fetch("/", { method: "POST", headers: { origin, "content-type": "application/x-www-form-urlencoded" }, data: twice, maxRedirects: 0 }), "not 5xx");
  expect((await page.context().cookies()).some((cookie) => cookie.name === "session")).toBe(false);

  // Issue 26: bodies React's decoder used to answer with a 500 (with no sign-in), multipart included.
  const boundary = "----refundlab";
  const part = (name: string, value: string, filename?: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${filename === undefined ? "" : `; filename="${filename}"\r\nContent-Type: image/png`}\r\n\r\n${value}\r\n`;
  const multipart = (...parts: string[]) => Buffer.from(`${parts.join("")}--${boundary}--\r\n`, "binary");
  const deep = `${"[".repeat(20_000)}${"]".repeat(20_000)}`;
  const text = "text/plain;charset=UTF-8";
  for (const [what, body, type] of [
    ["a multipart body without field 0", multipart(part("1_userId", "buyer-ava"))],
    ["a multipart field 0 that is not JSON", multipart(part("0", "not json"))],
    ["20,000 levels of nesting (multipart)", multipart(part("0", deep))],
    ["20,000 levels of nesting (text)", deep, text],
    ["a server reference ($h, multipart)", multipart(part("0", '["$h1"]'))],
    ["a server reference ($h, text)", '["$h1"]', text],
    ["an empty multipart body", Buffer.alloc(0)],
    ["a truncated multipart body", Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="0"\r\n\r\n["$K1"`)],
    ["a file name with NUL", multipart(part("1_photos", "xx", "a\u0000b.png"), part("0", '["$K1"]'))],
    ["a file name with CRLF", multipart(part("1_photos", "xx", "a\r\nb.png"), part("0", '["$K1"]'))],
  ] as const) {
    await send(`sign-in with ${what}`, action({}, body, type ?? `multipart/form-data; boundary=${boundary}`), 400, /could not be read|file name/);
  }
  // The image optimizer is not fed an evidence URL (it answered 500).
  const evidence = await db.evidence.findFirstOrThrow({ where: { order: { worldId: "demo" } }, select: { id: true } });
  const image = await page.request.get(`/_next/image?url=${encodeURIComponent(`/evidence/${evidence.id}`)}&w=64&q=75`);
  attempts.push({ what: "/_next/image with an evidence URL", status: image.status() });
  expect(image.status()).toBeGreaterThanOrEqual(400);

  const failures = attempts.filter((attempt) => attempt.status >= 500);
  console.log(`${attempts.length} malformed or forged requests, ${failures.length} answered 5xx`);
  expect(failures).toEqual([]);
  expect(loggedSince(before)).not.toMatch(/⨯|Error:/);
  // Nothing was cancelled by any of it (other tests run before and after, never during: one worker).
  expect(await buyerCancels()).toBe(cancelsBefore);
});

test("a version of spaces is out of date, not version 0; text of invisible characters is refused next to the field", async ({ page, createOrder, db }) => {
  const order = await createOrder({ buyerId: "buyer-ben", shopId: "shop-maple", items: [{ productId: "p-maple-2", quantity: 1 }], shippingFeeMinor: 599, paymentMethod: "PAYPAL", status: "DELIVERED", placedAt: new Date(Date.now() - 6 * 86_400_000) });
  await signInAs(page, "Ben Okafor");
  await page.goto(`/orders/${order.id}`);
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Ask for a refund or a return" }) }).first();
  await form.getByRole("radio", { name: "A refund, and keep the item" }).check();
  await form.getByLabel("What is wrong?").selectOption({ label: "Package not received" });
  await form.getByLabel("Describe the problem").fill("\u200B\u200B\u0000");
  await form.getByRole("button", { name: "Ask for a refund or a return" }).click();
  await expect(form.getByText(/Describe what happened/)).toBeVisible();
  await expect(form.getByLabel("Describe the problem")).toHaveAttribute("aria-invalid", "true");
  // The same form with its version field blanked by hand: out of date, and nothing changed.
  await form.locator('input[name="version"]').evaluate((input: HTMLInputElement) => (input.value = "   "));
  await form.getByLabel("Describe the problem").fill("The parcel never came.");
  await form.getByRole("button", { name: "Ask for a refund or a return" }).click();
  await expect(form.getByText("This form is out of date. Reload the page.")).toBeVisible();
  expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("DELIVERED");
});

test("a form from a page opened before the app was rebuilt says the page is out of date; too many photos are refused before sending", async ({ page, createOrder }) => {
  const order = await createOrder({ buyerId: "buyer-ben", shopId: "shop-maple", items: [{ productId: "p-maple-2", quantity: 1 }], shippingFeeMinor: 599, paymentMethod: "PAYPAL", status: "DELIVERED", placedAt: new Date(Date.now() - 6 * 86_400_000) });
  await signInAs(page, "Ben Okafor");
  await page.goto(`/orders/${order.id}`);
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Ask for a refund or a return" }) }).first();

  // Seven photos: refused next to the field, and nothing is sent.
  let posts = 0;
  page.on("request", (request) => {
    if (request.method() === "POST") posts += 1;
  });
  const photo = (i: number) => ({ name: `p${i}.png`, mimeType: "image/png", buffer: solidPng([i * 30, 80, 80], 8) });
  await form.getByLabel("Photos").setInputFiles([1, 2, 3, 4, 5, 6, 7].map(photo));
  await form.getByRole("button", { name: "Ask for a refund or a return" }).click();
  await expect(form.getByText("Attach at most 6 photos (you chose 7).")).toBeVisible();
  expect(posts).toBe(0);

  // The server no longer has the action this page names (as after a rebuild with another key).
  await page.route(`**/orders/${order.id}`, async (route) => {
    const headers = route.request().headers();
    if (route.request().method() === "POST" && headers["next-action"]) await route.continue({ headers: { ...headers, "next-action": "7f" + "0".repeat(40) } });
    else await route.continue();
  });
  await form.getByLabel("Photos").setInputFiles([]);
  await form.getByRole("radio", { name: "A refund, and keep the item" }).check();
  await form.getByLabel("What is wrong?").selectOption({ label: "Package not received" });
  await form.getByLabel("Describe the problem").fill("The parcel never came.");
  await form.getByRole("button", { name: "Ask for a refund or a return" }).click();
  await expect(page.getByRole("heading", { name: "This page is out of date" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Reload the page" })).toBeVisible();
});

test("signing out ends the session on the server, and signing in as someone else ends the one before: their cookies, replayed, sign nobody in", async ({ page }) => {
  const sessionCookie = async () => (await page.context().cookies()).find((cookie) => cookie.name === "session")!;
  await signInAs(page, "Ava Thompson");
  const ava = await sessionCookie();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Who do you want to be?" })).toBeVisible();
  await page.context().addCookies([ava]);
  await page.goto("/buyer/orders");
  await expect(page).toHaveURL(/\/\?signin=required$/);

  await signInAs(page, "Ben Okafor");
  const ben = await sessionCookie();
  expect(ben.value).not.toBe(ava.value);
  await signInAs(page, "Maya Patel");
  await page.context().addCookies([ben]);
  await page.goto("/buyer/orders");
  await expect(page).toHaveURL(/\/\?signin=required$/);
});
