/**
 * The layers hold because ESLint refuses code that crosses them (eslint.config.mjs). Each case lints
 * a deliberate violation as if it were a file of the project, and one lawful neighbour, so the rule
 * can neither be missing nor too wide.
 */
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });

async function rulesBroken(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.severity === 2).map((m) => m.ruleId ?? m.message);
}

describe("layer rules", () => {
  it("a shared component may not load data from the server or the database", async () => {
    expect(await rulesBroken("components/bad.tsx", `import { db } from "@/lib/server/db";\nexport const x = db;\n`)).toContain("@typescript-eslint/no-restricted-imports");
    expect(await rulesBroken("components/bad.tsx", `import { PrismaClient } from "@/generated/prisma/client";\nexport const x = PrismaClient;\n`)).toContain("@typescript-eslint/no-restricted-imports");
  });

  it("a shared component names the data a page hands it from lib/views, not from server code", async () => {
    expect(await rulesBroken("components/good.tsx", `import type { NextDeadline } from "@/lib/views";\nexport type X = NextDeadline;\n`)).toEqual([]);
    expect(await rulesBroken("components/bad.tsx", `import type { NextDeadline } from "@/lib/server/timers/sweep";\nexport type X = NextDeadline;\n`)).toContain("@typescript-eslint/no-restricted-imports");
  });

  it("a client component may not import server-only code, wherever it lives", async () => {
    const client = (source: string) => `"use client";\nimport { x } from "${source}";\nexport const y = x;\n`;
    expect(await rulesBroken("app/orders/[id]/_components/bad.tsx", client("@/lib/server/db"))).toContain("layers/no-server-in-client");
    expect(await rulesBroken("components/bad.tsx", client("../lib/server/auth/session"))).toContain("layers/no-server-in-client");
    expect(await rulesBroken("app/bad.tsx", client("node:crypto"))).toContain("layers/no-server-in-client");
  });

  it("a server component may fetch; a client component may import the engine and server actions", async () => {
    expect(await rulesBroken("app/orders/good/page.tsx", `import { db } from "@/lib/server/db";\nexport const x = db;\n`)).toEqual([]);
    expect(await rulesBroken("app/good.tsx", `"use client";\nimport { formatMoney } from "@/lib/money";\nimport { orderCommandAction } from "@/app/orders/[id]/actions";\nexport const y = [formatMoney, orderCommandAction];\n`)).toEqual([]);
  });

  it("the rule engine stays pure", async () => {
    expect(await rulesBroken("lib/order/bad.ts", `import { db } from "@/lib/server/db";\nexport const x = db;\n`)).toContain("no-restricted-imports");
    expect(await rulesBroken("lib/order/bad.ts", `import { readFileSync } from "node:fs";\nexport const x = readFileSync;\n`)).toContain("no-restricted-imports");
  });
});
