import "server-only";
import { apiRoute, type ApiRoute } from "../gateway";
import { shopCipher } from "../credentials";

/** `GET /authorization/202309/shops`: the shop the token was granted for, with its cipher. */
export const SHOP_ROUTES: ApiRoute[] = [
  apiRoute({
    method: "GET",
    path: "/authorization/202309/shops",
    shop: false,
    summary: "The shop the token was granted for, with its cipher (no `shop_cipher` on this call).",
    handle: async (ctx) => ({
      shops: [{ id: ctx.shop.id, name: ctx.shop.name, region: ctx.shop.policyProfile === "US" ? "US" : "SG", seller_type: "LOCAL", cipher: shopCipher(ctx.shop.id), code: ctx.shop.id.toUpperCase().replace(/[^A-Z0-9]/g, "").slice(-10) }],
    }),
  }),
];
