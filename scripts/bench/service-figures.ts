/** The command path's figures for one world, measured in a child process (scripts/bench/service.ts). */
import { execFileSync } from "node:child_process";
import { root } from "./worlds";

export type ServiceFigures = {
  orders: number;
  rawPerSecond: number;
  rawRandomPerSecond: number;
  one: { perSecond: number; p50: number; p95: number; failed: number };
  thirtyTwo: { perSecond: number; p50: number; p95: number; failed: number; cancels: number };
  sweep: { due: number; applied: number; seconds: number };
  performance: { shopOrders: number; ms: number };
};

export function service(file: string): ServiceFigures {
  const out = execFileSync("npx", ["tsx", "--conditions=react-server", "scripts/bench/service.ts", "1500", "1000"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `file:${file}` },
    encoding: "utf8",
    maxBuffer: 1 << 24,
  });
  return JSON.parse(out.trim().split("\n").at(-1)!) as ServiceFigures;
}
