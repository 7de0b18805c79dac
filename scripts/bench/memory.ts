/**
 * The benchmark server's memory (issue 32): the resident memory of its process group (npx, next
 * start and its workers), sampled every 250 ms while the HTTP load runs; the peak is reported.
 */
import { execFileSync } from "node:child_process";

function groupRssMb(pgid: number): number {
  try {
    const out = execFileSync("ps", ["-o", "rss=", "-g", String(pgid)], { encoding: "utf8" });
    return out.split("\n").reduce((sum, line) => sum + (Number(line.trim()) || 0), 0) / 1024;
  } catch {
    return 0;
  }
}

export function sampleMemory(pgid: number): { stop: () => number } {
  let peak = groupRssMb(pgid);
  const timer = setInterval(() => {
    peak = Math.max(peak, groupRssMb(pgid));
  }, 250);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, groupRssMb(pgid));
    },
  };
}
