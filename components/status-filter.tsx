import { getTranslations } from "next-intl/server";
import { getI18n } from "@/lib/i18n/server";
import { OPEN_WORK, OPEN_WORK_KINDS, ORDER_STATUSES, STATUS_LABELS } from "@/lib/order";

/** A plain GET form: works without JavaScript and keeps the filters in the URL. */
export async function StatusFilter({ action, status, open }: { action: string; status: string; open: string }) {
  const t = await getTranslations("lists.filter");
  const { render } = await getI18n();
  return (
    <form action={action} method="get" aria-label={t("label")} className="flex min-w-0 max-w-full flex-wrap items-end gap-2 text-sm">
      <div className="flex min-w-0 max-w-full flex-col gap-1">
        <label htmlFor="status-filter" className="font-medium">
          {t("status")}
        </label>
        <select id="status-filter" name="status" defaultValue={status} className="max-w-full rounded border border-stone-300 bg-white px-2 py-1">
          <option value="">{t("allStatuses")}</option>
          {ORDER_STATUSES.map((value) => (
            <option key={value} value={value}>
              {render(STATUS_LABELS[value])}
            </option>
          ))}
        </select>
      </div>
      <div className="flex min-w-0 max-w-full flex-col gap-1">
        <label htmlFor="open-filter" className="font-medium">
          {t("open")}
        </label>
        <select id="open-filter" name="open" defaultValue={open} className="max-w-full rounded border border-stone-300 bg-white px-2 py-1">
          <option value="">{t("anyOrNone")}</option>
          {OPEN_WORK_KINDS.map((value) => (
            <option key={value} value={value}>
              {render(OPEN_WORK[value].label)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="rounded border border-stone-300 bg-white px-3 py-1 hover:bg-stone-100">
        {t("submit")}
      </button>
    </form>
  );
}
