import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

// The viewer's language and zone per request (no locale in the URL: a cookie remembers the choice).
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // better-sqlite3 and sharp are native addons: load them from node_modules at run time instead of bundling them.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "sharp"],
  poweredByHeader: false,
  // The benchmark's bare page and route (app/bench/bare/page.bench.tsx, bare-route/route.bench.ts) exist only in its own
  // build (BENCH_BUILD=1, scripts/bench.ts): the product build has no such route.
  pageExtensions: process.env.BENCH_BUILD === "1" ? ["bench.tsx", "bench.ts", "tsx", "ts"] : ["tsx", "ts"],
  // The app has no next/image: its optimizer route answers 404 instead of fetching whatever URL it
  // is given (an evidence photo's URL made it fail with a 500; issue 26).
  images: { unoptimized: true },
  experimental: {
    // Evidence: up to 6 photos of 5 MB each in one form; the action checks each file itself.
    serverActions: { bodySizeLimit: "40mb" },
    proxyClientMaxBodySize: "40mb",
  },
};

export default withNextIntl(nextConfig);
