"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { useFormat } from "./use-format";

/**
 * Time left until a deadline on the app's clock. The server sends its own "now" so that a browser
 * whose clock is off (or a simulator clock that runs ahead) still counts down correctly. When the
 * deadline passes it refreshes the page to show what the timer did.
 */
export function Countdown({ dueAt, serverNow, bare = false }: { dueAt: string; serverNow: string; /** Just the time ("53 min 05 s"), for a sentence that says what it counts down to. */ bare?: boolean }) {
  const router = useRouter();
  const t = useTranslations("client.countdown");
  const f = useFormat();
  const due = new Date(dueAt).getTime();
  const [remaining, setRemaining] = useState(() => due - new Date(serverNow).getTime());

  useEffect(() => {
    const skew = new Date(serverNow).getTime() - Date.now();
    let refreshed = false;
    const tick = () => {
      const left = due - (Date.now() + skew);
      setRemaining(left);
      if (left <= 0 && !refreshed) {
        refreshed = true;
        // Give the server's timer a moment to act, then show the result.
        setTimeout(() => router.refresh(), 2000);
      }
    };
    tick();
    const id = setInterval(tick, 1000);
    return () => clearInterval(id);
  }, [due, serverNow, router]);

  return <span className="tabular-nums">{remaining > 0 ? (bare ? f.remaining(remaining) : t("left", { time: f.remaining(remaining) })) : bare ? f.remaining(0) : t("dueNow")}</span>;
}
