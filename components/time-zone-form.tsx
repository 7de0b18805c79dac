"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { setTimeZone, type TimeZoneState } from "@/app/actions/preferences";

/** Settings: choose the zone every page shows times in, or follow the browser's. */
export function TimeZoneForm({ chosen, current, common, all }: { chosen: boolean; current: string; common: { value: string; label: string }[]; all: { value: string; label: string }[] }) {
  const t = useTranslations("client.settings");
  const [state, action, pending] = useActionState<TimeZoneState, FormData>(setTimeZone, null);
  const select = useRef<HTMLSelectElement>(null);
  const invalid = state !== null && !state.ok;
  useEffect(() => {
    if (invalid) select.current?.focus();
  }, [invalid, state]);
  return (
    <form action={action} noValidate className="space-y-2">
      <div className="flex flex-col gap-1">
        <label htmlFor="time-zone" className="text-sm font-medium">
          {t("zone")}
        </label>
        <select
          ref={select}
          id="time-zone"
          name="timeZone"
          defaultValue={chosen ? current : ""}
          aria-invalid={invalid ? true : undefined}
          aria-describedby="time-zone-hint time-zone-message"
          className="min-h-11 w-full max-w-md rounded border border-stone-300 bg-white px-2 py-2 aria-invalid:border-rose-600"
        >
          <option value="">{t("followBrowser")}</option>
          <optgroup label={t("common")}>
            {common.map((zone) => (
              <option key={zone.value} value={zone.value}>
                {zone.label}
              </option>
            ))}
          </optgroup>
          <optgroup label={t("all")}>
            {all.map((zone) => (
              <option key={zone.value} value={zone.value}>
                {zone.label}
              </option>
            ))}
          </optgroup>
        </select>
        <p id="time-zone-hint" className="text-xs text-stone-600">
          {t("zoneHint")}
        </p>
        <p id="time-zone-message" aria-live="polite" className={`text-sm ${invalid ? "text-rose-700" : "text-emerald-800"}`}>
          {state ? t(state.message) : ""}
        </p>
      </div>
      <button type="submit" disabled={pending} className="min-h-11 rounded bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
        {pending ? t("saving") : t("save")}
      </button>
    </form>
  );
}
