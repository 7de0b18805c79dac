"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { PREFERENCE_COOKIE_MAX_AGE, TIME_ZONE_COOKIE } from "@/lib/i18n/locales";

/**
 * Keeps the time-zone cookie equal to the browser's zone (unless the viewer chose one in Settings),
 * and re-renders once when it changed, so every time on the page is the viewer's own.
 */
export function TimeZoneSync({ current, chosen }: { current: string; chosen: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (chosen) return;
    const browser = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!browser || browser === current) return;
    document.cookie = `${TIME_ZONE_COOKIE}=${browser}; path=/; max-age=${PREFERENCE_COOKIE_MAX_AGE}; samesite=lax`;
    router.refresh();
  }, [current, chosen, router]);
  return null;
}
