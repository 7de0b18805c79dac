"use client";

import { useEffect, useState } from "react";
import { useFormat } from "./use-format";

/** The app's time, ticking: starts from the server's (simulated) now and runs at real speed. */
export function LiveClock({ serverNow, compact = false }: { serverNow: string; compact?: boolean }) {
  const f = useFormat();
  const [now, setNow] = useState(() => new Date(serverNow));
  useEffect(() => {
    const skew = new Date(serverNow).getTime() - Date.now();
    const id = setInterval(() => setNow(new Date(Date.now() + skew)), 1000);
    return () => clearInterval(id);
  }, [serverNow]);
  return <time dateTime={now.toISOString()}>{compact ? f.shortDateTime(now) : f.dateTime(now)}</time>;
}
