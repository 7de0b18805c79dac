import { OPEN_WORK, OPEN_WORK_KINDS, ORDER_STATUSES, STATUS_LABELS } from "@/lib/order";

/** A plain GET form: works without JavaScript and keeps the filters in the URL. */
export function StatusFilter({ action, status, open }: { action: string; status: string; open: string }) {
  return (
    <form action={action} method="get" className="flex min-w-0 max-w-full flex-wrap items-end gap-2 text-sm">
      <div className="flex min-w-0 max-w-full flex-col gap-1">
        <label htmlFor="status-filter" className="font-medium">
          Status
        </label>
        <select id="status-filter" name="status" defaultValue={status} className="max-w-full rounded border border-stone-300 bg-white px-2 py-1">
          <option value="">All statuses</option>
          {ORDER_STATUSES.map((value) => (
            <option key={value} value={value}>
              {STATUS_LABELS[value]}
            </option>
          ))}
        </select>
      </div>
      <div className="flex min-w-0 max-w-full flex-col gap-1">
        <label htmlFor="open-filter" className="font-medium">
          Open request
        </label>
        <select id="open-filter" name="open" defaultValue={open} className="max-w-full rounded border border-stone-300 bg-white px-2 py-1">
          <option value="">Any or none</option>
          {OPEN_WORK_KINDS.map((value) => (
            <option key={value} value={value}>
              {OPEN_WORK[value].label}
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
