import "server-only";
/**
 * The API's reference as an OpenAPI 3.1 document (issue 31), generated from the routes the gateway
 * serves: each route's path, method, summary and the very zod schemas that validate its body and
 * query (zod 4's own `z.toJSONSchema`; OpenAPI 3.1 uses JSON Schema 2020-12 as it is). Nothing here is
 * written twice: a field added to a schema appears in the reference. See docs/decisions/026.
 */
import { z } from "zod";
import { CANCELLATION_ROUTES } from "./endpoints/cancellations";
import { EVENT_ROUTES } from "./endpoints/events";
import { ORDER_ROUTES } from "./endpoints/orders";
import { RETURN_ROUTES } from "./endpoints/returns";
import { SANDBOX_ROUTES } from "./endpoints/sandbox";
import { SHOP_ROUTES } from "./endpoints/shops";
import { TOKEN_QUERIES } from "./token-route";
import type { ApiRoute } from "./gateway";

/** The reference's groups, in the order a developer meets them. */
export const API_GROUPS = [
  { tag: "Authorization", key: "authorization", description: "Tokens for an app's authorization code, and the shop it may act for.", routes: SHOP_ROUTES },
  { tag: "Cancellations", key: "cancellations", description: "The buyer's cancellation requests, answered as the seller; the seller's own cancel.", routes: CANCELLATION_ROUTES },
  { tag: "Returns and refunds", key: "returnsandrefunds", description: "Refund and return requests, their decisions and history; eligibility and what a request would refund.", routes: RETURN_ROUTES },
  { tag: "Orders", key: "orders", description: "The shop's orders, as the platform writes them.", routes: ORDER_ROUTES },
  { tag: "Webhooks", key: "webhooks", description: "Where the platform sends order, cancellation and return status changes.", routes: EVENT_ROUTES },
  { tag: "Sandbox", key: "sandbox", description: "The sandbox's own controls, signed like every call: a world of your own, its clock, the carrier and the buyer.", routes: SANDBOX_ROUTES },
] as const;

type Json = Record<string, unknown>;

const schemaOf = (schema: z.ZodType): Json => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Json;
  return rest;
};

/** A zod object's fields as OpenAPI parameters. */
function parametersOf(query: z.ZodObject, where: "query" = "query"): Json[] {
  const schema = schemaOf(query) as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return { name, in: where, required: (schema.required ?? []).includes(name) && !("default" in property), ...(description ? { description } : {}), schema: rest };
  });
}

const operationId = (route: Pick<ApiRoute, "method" | "path">): string =>
  `${route.method.toLowerCase()}${route.path
    .split("/")
    .filter((part) => part && !/^\d+$/.test(part))
    .map((part) => part.replace(/[{}]/g, "").replace(/(^|_)(\w)/g, (_, __, letter: string) => letter.toUpperCase()))
    .join("")}`;

function operation(route: ApiRoute, tag: string): Json {
  const pathParameters = [...route.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({ name, in: "path", required: true, schema: { type: "string", pattern: "^[A-Za-z0-9_-]{1,100}$" } }));
  return {
    operationId: operationId(route),
    summary: route.summary,
    tags: [tag],
    parameters: [
      ...pathParameters,
      { $ref: "#/components/parameters/app_key" },
      { $ref: "#/components/parameters/timestamp" },
      { $ref: "#/components/parameters/sign" },
      { $ref: route.shop ? "#/components/parameters/shop_cipher" : "#/components/parameters/no_shop_cipher" },
      ...(route.query ? parametersOf(route.query) : []),
    ],
    ...(route.body ? { requestBody: { required: true, content: { "application/json": { schema: schemaOf(route.body) } } } } : {}),
    security: [{ accessToken: [] }],
    responses: {
      "200": { description: "`code` 0 and the answer in `data`; or a rule's refusal, `code` 25001021 with the rules' reason in `message`.", content: { "application/json": { schema: { $ref: "#/components/schemas/Envelope" } } } },
      "400": { $ref: "#/components/responses/Error" },
      "401": { $ref: "#/components/responses/Error" },
      "404": { $ref: "#/components/responses/Error" },
      "409": { $ref: "#/components/responses/Error" },
      "429": { $ref: "#/components/responses/Error" },
    },
  };
}

/** The whole document, with this server as the one server. */
export function openApiDocument(origin: string): Json {
  const paths: Record<string, Record<string, Json>> = {};
  for (const [kind, query] of Object.entries(TOKEN_QUERIES)) {
    paths[`/api/v2/token/${kind}`] = {
      get: {
        operationId: `getToken${kind === "get" ? "" : "Refresh"}`,
        summary: kind === "get" ? "Exchange an authorization code for an access token and a refresh token (no signature: the app's key and secret are in the query)." : "A new access token for a refresh token.",
        tags: ["Authorization"],
        parameters: parametersOf(query),
        responses: { "200": { description: "The tokens and when they expire (Unix seconds).", content: { "application/json": { schema: { $ref: "#/components/schemas/Envelope" } } } }, "401": { $ref: "#/components/responses/Error" } },
      },
    };
  }
  for (const group of API_GROUPS) {
    for (const route of group.routes) (paths[route.path] ??= {})[route.method.toLowerCase()] = operation(route, group.tag);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Refund Lab: the platform's after-sales API, sandboxed",
      version: "202309",
      summary: "A local sandbox of the platform's return, refund, cancellation, order and webhook endpoints, on the same rules as the app. Not affiliated with TikTok.",
      description:
        "Every call but the token exchange is signed: `sign` is the hex HMAC-SHA256, keyed with the app secret, of secret + path + the sorted query parameters (name then value, except `sign` and `access_token`) + the JSON body + secret. `timestamp` must be within 5 minutes of real time. The access token goes in the `x-tts-access-token` header. Every answer is the envelope `{ code, message, request_id, data }`.",
    },
    servers: [{ url: origin }],
    tags: [{ name: "Authorization", description: API_GROUPS[0].description }, ...API_GROUPS.slice(1).map((group) => ({ name: group.tag, description: group.description }))],
    paths,
    components: {
      securitySchemes: { accessToken: { type: "apiKey", in: "header", name: "x-tts-access-token", description: "The access token from /api/v2/token/get (7 days; refresh with /api/v2/token/refresh)." } },
      parameters: {
        app_key: { name: "app_key", in: "query", required: true, schema: { type: "string" }, description: "The app's key, from Developer apps in the seller's shop settings." },
        timestamp: { name: "timestamp", in: "query", required: true, schema: { type: "integer" }, description: "Unix seconds, within 5 minutes of real time." },
        sign: { name: "sign", in: "query", required: true, schema: { type: "string", pattern: "^[0-9a-f]{64}$" }, description: "The request's signature (see the description above)." },
        shop_cipher: { name: "shop_cipher", in: "query", required: true, schema: { type: "string" }, description: "The shop's cipher, from GET /authorization/202309/shops." },
        no_shop_cipher: { name: "shop_cipher", in: "query", required: false, schema: { type: "string", maxLength: 0 }, description: "Not on this call: the answer names the shop." },
      },
      schemas: {
        Envelope: {
          type: "object",
          required: ["code", "message", "request_id", "data"],
          properties: {
            code: { type: "integer", description: "0: success. 36009004: a bad parameter or credential; 106001: a bad signature; 105002: an expired token; 105005: no permission; 36009009: an unknown path; 36009002: too many calls (HTTP 429, Retry-After); 25001021: the rules refuse (their reason in `message`)." },
            message: { type: "string" },
            request_id: { type: "string" },
            data: { type: "object" },
          },
        },
      },
      responses: { Error: { description: "The platform's error envelope: `code` says what, `message` says why, `data` is empty.", content: { "application/json": { schema: { $ref: "#/components/schemas/Envelope" } } } } },
    },
  };
}
