/**
 * The benchmark server's memory (issue 32): its process group (npx, next start and its workers),
 * sampled every 250 ms while the HTTP load runs; the peaks are reported. Two figures: all resident
 * memory (RSS), and the part that is the processes' own (RssAnon: heaps, stacks, SQLite's page
 * caches), without the database file's pages that SQLite maps into memory (mmap_size; RssFile), which
 * are the kernel's page cache, shared with every other reader of the file and dropped under pressure.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

interface Sample {
  rssMb: number;
  ownMb: number;
  /** Each process's own memory at the group's own peak, by name (npm, next-server, …). */
  byProcess: Record<string, number>;
}

function kb(status: string, field: string): number {
  return Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0);
}

function groupSample(pgid: number): Sample {
  try {
    const pids = execFileSync("ps", ["-o", "pid=", "-g", String(pgid)], { encoding: "utf8" }).split("\n").map((line) => line.trim()).filter(Boolean);
    let rss = 0;
    let own = 0;
    const byProcess: Record<string, number> = {};
    for (const pid of pids) {
      try {
        const status = readFileSync(`/proc/${pid}/status`, "utf8");
        rss += kb(status, "VmRSS");
        own += kb(status, "RssAnon");
        const name = /^Name:\s+(.+)$/m.exec(status)?.[1] ?? pid;
        byProcess[name] = (byProcess[name] ?? 0) + Math.round(kb(status, "RssAnon") / 1024);
      } catch {
        /* the process ended between ps and the read */
      }
    }
    return { rssMb: rss / 1024, ownMb: own / 1024, byProcess };
  } catch {
    return { rssMb: 0, ownMb: 0, byProcess: {} };
  }
}

export function sampleMemory(pgid: number): { stop: () => Sample } {
  const peak: Sample = groupSample(pgid);
  const take = () => {
    const now = groupSample(pgid);
    peak.rssMb = Math.max(peak.rssMb, now.rssMb);
    if (now.ownMb > peak.ownMb) {
      peak.ownMb = now.ownMb;
      peak.byProcess = now.byProcess;
    }
  };
  const timer = setInterval(take, 250);
  return {
    stop: () => {
      clearInterval(timer);
      take();
      return peak;
    },
  };
}
