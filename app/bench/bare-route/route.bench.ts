/**
 * The API benchmark's yardstick (`npm run bench`, issue 31): a dynamic route handler that reads
 * nothing and answers a 20-row JSON envelope, served by the same server as the platform's API paths.
 * Only the benchmark's build has it (BENCH_BUILD=1, next.config.ts) and only its server serves it.
 */
export const dynamic = "force-dynamic";

export function POST(): Response {
  if (process.env.BENCH_ROUTES !== "1") return new Response("Not found", { status: 404 });
  const rows = Array.from({ length: 20 }, (_, i) => ({ cancel_id: `bench-${i + 1}`, order_id: `order-${i + 1}`, cancel_status: "CANCELLATION_REQUEST_PENDING", create_time: 1_796_000_000 + i }));
  return Response.json({ code: 0, message: "Success", request_id: "bench", data: { cancellations: rows, next_page_token: "", total_count: 20 } });
}
