import { chromium } from "@playwright/test";
const base = "http://127.0.0.1:3200";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const pages = (process.argv[2] ?? "/seller/performance").split(",");
const who = process.argv[3] ?? "Maya Patel";
for (const width of [1280, 375]) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  await page.goto(base + "/");
  await page.getByRole("button", { name: `Sign in as ${who}` }).click();
  await page.waitForURL(/\/(buyer\/orders|seller|support\/orders)/);
  for (const path of pages) {
    await page.goto(base + path);
    await page.waitForTimeout(800);
    const name = path.replace(/[^a-z0-9]+/gi, "_");
    await page.screenshot({ path: `/tmp/shots/${name}-${width}.png`, fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    console.log(path, width, "scrollWidth", overflow);
  }
  console.log("console errors:", errors);
  await context.close();
}
await browser.close();
