/** A small HTTP load generator: `connections` loops each requesting `url` back to back for `seconds`. */
export async function load(url: string, cookie: string | null, connections: number, seconds: number) {
  const latencies: number[] = [];
  let errors = 0;
  let bytes = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const t0 = performance.now();
        try {
          const response = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: "manual" });
          bytes = (await response.arrayBuffer()).byteLength;
          if (response.status !== 200) errors += 1;
        } catch {
          errors += 1;
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  // `bytes`: the size of the last answer (the page's HTML), to compare pages' markup.
  return { ...rate(latencies, seconds), errors, bytes };
}

/** Requests per second and the median, 95th and 97.5th-percentile latency of a run. */
export function rate(latencies: number[], seconds: number) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  return { perSecond: latencies.length / seconds, p50: at(0.5), p95: at(0.95), p975: at(0.975) };
}
