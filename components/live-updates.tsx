"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** How often a visible page asks whether anything it shows changed (the bar: within 5 seconds). */
export const LIVE_POLL_MS = 2000;

/**
 * Keeps the page current without a reload: while the tab is visible it polls /live, and when the
 * answer changes (someone else acted, a timer fired, a message or a notification arrived) it
 * refreshes the server components. A refresh keeps what people are typing: forms are client
 * components whose fields React leaves alone, and a form being filled keeps the order version it
 * was opened on, so a submit after the order changed still gets the stale-order message.
 */
export function LiveUpdates({ src = "/live" }: { /** What to poll: /live (the signed-in person's pages) or a page's own stamp (a world's training room). */ src?: string }) {
  const router = useRouter();
  useEffect(() => {
    let last: string | null = null;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      if (stopped) return;
      if (document.visibilityState === "visible") {
        try {
          const response = await fetch(src, { cache: "no-store" });
          const { stamp } = (await response.json()) as { stamp: string | null };
          if (stamp !== null && last !== null && stamp !== last) router.refresh();
          if (stamp !== null) last = stamp;
        } catch {
          // Offline or restarting: try again at the next tick.
        }
      }
      timer = setTimeout(poll, LIVE_POLL_MS);
    };
    const onVisible = () => {
      if (document.visibilityState === "visible") {
        clearTimeout(timer);
        void poll();
      }
    };
    void poll();
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [router, src]);
  return null;
}
