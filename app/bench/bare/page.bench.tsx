import { notFound } from "next/navigation";

export const dynamic = "force-dynamic";

/**
 * The benchmark's yardstick (`npm run bench`): a dynamic page of 20 rows that reads nothing, served
 * by the same server and layout as the real pages. Only the benchmark's build has it (BENCH_BUILD=1
 * makes `.bench.tsx` a page extension, next.config.ts), and only its server serves it (BENCH_ROUTES=1).
 */
export default function BarePage() {
  if (process.env.BENCH_ROUTES !== "1") notFound();
  const rows = Array.from({ length: 20 }, (_, i) => ({ id: i + 1, label: `Row ${i + 1}` }));
  return (
    <table>
      <caption>Bare page</caption>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <td>{row.id}</td>
            <td>{row.label}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
