"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

/** Copies a text (a share link) to the clipboard and says so; where the clipboard is not allowed, says to copy it by hand. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const t = useTranslations("client.copy");
  const [said, setSaid] = useState("");
  return (
    <span className="inline-flex flex-col gap-1">
      <button
        type="button"
        onClick={() =>
          navigator.clipboard?.writeText(text).then(
            () => setSaid(t("copied")),
            () => setSaid(t("notAllowed")),
          ) ?? setSaid(t("notAllowed"))
        }
        className="rounded border border-stone-300 bg-white px-2 py-1 text-xs hover:bg-stone-100"
      >
        {label}
      </button>
      <span role="status" aria-live="polite" className="text-xs text-stone-600">
        {said}
      </span>
    </span>
  );
}
