/**
 * Runs in a child process with DATABASE_URL set (and `--conditions=react-server`): an app for Maya's
 * shop in the benchmark's world, made as Developer apps makes one. Prints its key, secret and code.
 */
import { db } from "../../lib/server/shared-db";
import { createApp } from "../../lib/server/api/credentials";

const app = await createApp(db, { worldId: "demo", shopId: "shop-maple", sellerId: "seller-maya", name: "Benchmark" }, new Date());
console.log(JSON.stringify({ appKey: app.appKey, appSecret: app.appSecret, authCode: app.authCode }));
await db.$disconnect();
