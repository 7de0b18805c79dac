"use client";

import { useRouter } from "next/navigation";
import { useEffect, useTransition } from "react";

/**
 * After a command succeeds, brings the page's server components up to date. The command's answer
 * is its result only (issue 32: no re-render of the page inside the action), so the page refreshes
 * itself once, in a transition: what it returns is true until the new page is on screen, for the
 * form to stay busy meanwhile.
 */
export function useRefreshAfter(state: { ok: boolean } | null): boolean {
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  useEffect(() => {
    if (state?.ok) startRefresh(() => router.refresh());
  }, [state, router]);
  return refreshing;
}
