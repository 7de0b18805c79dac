import { ORDER_STATUSES, STATUS_LABELS } from "@/lib/order";

/** A plain GET form: works without JavaScript and keeps the filter in the URL. */
export function StatusFilter({ action, status }: { action: string; status: string }) {
  return (
    <form action={action} method="get" className="flex flex-wrap items-end gap-2 text-sm">
      <div className="flex flex-col gap-1">
        <label htmlFor="status-filter" className="font-medium">
          Status
        </label>
        <select id="status-filter" name="status" defaultValue={status} className="rounded border border-stone-300 bg-white px-2 py-1">
          <option value="">All statuses</option>
          {ORDER_STATUSES.map((value) => (
            <option key={value} value={value}>
              {STATUS_LABELS[value]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="rounded border border-stone-300 bg-white px-3 py-1 hover:bg-stone-100">
        Filter
      </button>
    </form>
  );
}
