/**
 * The API's reference (issue 31): the OpenAPI document is valid OpenAPI 3.1, names every route the
 * gateway serves (read from the app's route files, not from the document's own list), and documents
 * the very schemas that validate the requests — a decision the gateway refuses is one the document
 * does not list, and a field the document lists is one the gateway reads.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api-reference/openapi.json/route";
import { db } from "@/lib/server/db";
import { seedDemoWorld } from "@/lib/server/demo/seed-world";
import { createApp } from "@/lib/server/api/credentials";
import { pointPlatformAtThisApp, signedCall, type Credentials } from "../support/local-platform";
import { TikTokShopSDK } from "tiktok-shop-sdk";

type Doc = { openapi: string; paths: Record<string, Record<string, { requestBody?: { content: { "application/json": { schema: { properties: Record<string, { enum?: string[] }>; required?: string[]; additionalProperties?: unknown } } } } }>> };
let doc: Doc;

beforeAll(async () => {
  doc = (await GET().json()) as Doc;
});

/** The app's route files under the platform's paths, with the methods they export. */
function servedFiles(): { file: string; methods: string[] }[] {
  const found: { file: string; methods: string[] }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name === "route.ts") found.push({ file: path, methods: [...readFileSync(path, "utf8").matchAll(/export function (GET|POST|PUT|DELETE)\(/g)].map((match) => match[1]!.toLowerCase()) });
    }
  };
  for (const top of ["api/v2", "authorization", "return_refund", "order", "event", "sandbox"]) walk(join("app", top));
  return found;
}

describe("the OpenAPI document", () => {
  it("is valid OpenAPI 3.1", async () => {
    const validator = new Validator();
    const result = await validator.validate(doc as never);
    expect(result.errors ?? [], JSON.stringify(result.errors, null, 1)?.slice(0, 2000)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe("3.1.0");
  });

  it("documents every path each route file serves, with the file's methods", () => {
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => ({ path, method })));
    expect(documented.length).toBeGreaterThanOrEqual(25);
    for (const { file, methods } of servedFiles()) {
      // The route file's folder, with its catch-all, is a prefix of the paths it serves.
      const prefix = `/${file.replace(/^app\//, "").replace(/\/route\.ts$/, "").replace(/\/\[\.\.\.path\]$/, "")}`;
      const under = documented.filter((operation) => operation.path === prefix || operation.path.startsWith(`${prefix}/`));
      expect(under.length, `${file} serves nothing documented`).toBeGreaterThan(0);
      for (const operation of under) expect(methods, `${operation.method.toUpperCase()} ${operation.path} is documented but ${file} does not export it`).toContain(operation.method);
    }
    for (const path of ["/return_refund/202309/orders/{order_id}/aftersale_eligibility", "/return_refund/202309/refunds/calculate", "/return_refund/202309/cancellations/search", "/sandbox/202309/clock/advance", "/api/v2/token/get"]) expect(Object.keys(doc.paths)).toContain(path);
  });

  it("lists exactly what the validating schemas accept", async () => {
    const approve = doc.paths["/return_refund/202309/returns/{return_id}/approve"]!.post!.requestBody!.content["application/json"].schema;
    expect(approve.properties.decision!.enum).toEqual(["APPROVE_REFUND", "APPROVE_RETURN", "APPROVE_RECEIVED_PACKAGE", "OFFER_PARTIAL_REFUND"]);
    expect(approve.required).toEqual(["decision"]);
    const carrier = doc.paths["/sandbox/202309/orders/{order_id}/carrier"]!.post!.requestBody!.content["application/json"].schema;
    expect(carrier.additionalProperties).toBe(false);

    // The gateway refuses what the document does not list, and says which values it takes.
    await seedDemoWorld(db, new Date(), { orders: false });
    const restore = pointPlatformAtThisApp();
    try {
      const app = await createApp(db, { worldId: "demo", shopId: "shop-maple", sellerId: "seller-maya", name: "Reference" }, new Date());
      const sdk = new TikTokShopSDK({ appKey: app.appKey, appSecret: app.appSecret });
      const token = (await sdk.auth.getAccessToken({ auth_code: app.authCode, grant_type: "authorized_code" })).data!.access_token!;
      sdk.setAccessToken(token);
      const cipher = ((await sdk.shop.getAuthorizedShops()).data as { shops: { cipher: string }[] }).shops[0]!.cipher;
      const creds: Credentials = { appKey: app.appKey, appSecret: app.appSecret, accessToken: token, cipher };
      const refused = await signedCall(creds, "/return_refund/202309/returns/any/approve", { body: JSON.stringify({ decision: "APPROVE_EVERYTHING" }) });
      expect(refused.json).toMatchObject({ code: 36009004, message: expect.stringContaining(approve.properties.decision!.enum!.slice(0, 2).join(", ")) });
      const extra = await signedCall(creds, "/sandbox/202309/orders/any/carrier", { body: JSON.stringify({ event: "PICKUP", teleport: true }) });
      expect(extra.json).toMatchObject({ code: 36009004, message: expect.stringContaining("teleport") });
    } finally {
      restore();
    }
  });
});
