// scratch: not committed
import { chromium } from "@playwright/test";
import Database from "better-sqlite3";
const base = "http://127.0.0.1:3000";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox","--disable-background-networking"] });
const ctx = await browser.newContext();
const page = await ctx.newPage();
await page.goto(base + "/");
const form = page.getByRole("region", { name: "Private worlds" });
await form.getByLabel("World name").fill("Explore");
await form.getByLabel("Your name").fill("Me");
await form.getByRole("button", { name: "Create a private world" }).click();
await page.waitForURL(/\/worlds\/w[0-9a-f]+/, { timeout: 30000 });
const worldId = new URL(page.url()).pathname.split("/")[2];
console.log("world", worldId);
const db = new Database("/work/main/data/app.db", { readonly: true });
const codes = process.argv.slice(2);
for (const spec of codes) {
  const [code, ...names] = spec.split(",");
  const o = db.prepare(`SELECT id FROM "Order" WHERE worldId=? AND code=?`).get(worldId, code);
  for (const name of names) {
    await page.goto(base + "/");
    await page.getByRole("button", { name: `Sign in as ${name}` }).click();
    await page.waitForURL(/\/(buyer\/orders|seller|support)/);
    const r = await page.goto(base + "/orders/" + o.id);
    const buttons = await page.locator("main button").allInnerTexts();
    console.log(code, name, r.status(), JSON.stringify(buttons.filter(b=>b.trim()).slice(0,30)));
    await page.screenshot({ path: `/tmp/x/${code}-${name.split(" ")[0]}.png`, fullPage: true });
  }
}
await browser.close();
