"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";

export interface GalleryItem {
  id: string;
  /** "Photo 2 from the seller", for the thumbnail's name and the viewer's heading. */
  title: string;
  /** Who uploaded it, when and with what, in a line. */
  caption: string;
}

const ZOOMS = [1, 1.5, 2, 3];
/** The widths of each zoom, as classes (the strict CSP allows no inline styles). */
const ZOOM_WIDTHS = ["w-full", "w-[150%] max-w-none", "w-[200%] max-w-none", "w-[300%] max-w-none"];

/**
 * Evidence photos as thumbnails; one opens in a full view (a modal dialog) with zoom and keyboard
 * navigation: ← and → move between photos, + and − zoom, Escape closes and returns focus to the
 * thumbnail. The photos are served by /evidence/<id> to the order's parties and support only.
 */
export function EvidenceGallery({ items, label }: { items: GalleryItem[]; label: string }) {
  const t = useTranslations("client.gallery");
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState<number | null>(null);
  const [zoom, setZoom] = useState(0);
  const current = open === null ? null : items[open];

  useEffect(() => {
    if (open !== null && !dialog.current?.open) dialog.current?.showModal();
  }, [open]);

  if (items.length === 0) return <p className="text-sm text-stone-600">{t("none")}</p>;

  const show = (index: number) => {
    setZoom(0);
    setOpen((index + items.length) % items.length);
  };
  const onKey = (event: React.KeyboardEvent) => {
    if (open === null) return;
    if (event.key === "ArrowRight") show(open + 1);
    else if (event.key === "ArrowLeft") show(open - 1);
    else if (event.key === "+" || event.key === "=") setZoom((z) => Math.min(z + 1, ZOOMS.length - 1));
    else if (event.key === "-") setZoom((z) => Math.max(z - 1, 0));
    else return;
    event.preventDefault();
  };
  const button = "rounded border border-stone-300 bg-white px-2 py-1 text-sm hover:bg-stone-100 disabled:opacity-50";

  return (
    <>
      <ul aria-label={label} className="grid grid-cols-[repeat(auto-fill,minmax(6rem,1fr))] gap-2">
        {items.map((item, index) => (
          <li key={item.id}>
            <button type="button" onClick={() => show(index)} className="block w-full rounded border border-stone-200 p-1 text-left hover:border-brand-600 focus-visible:outline-2 focus-visible:outline-brand-600">
              {/* eslint-disable-next-line @next/next/no-img-element -- evidence is served by our own authorised route, not the image optimiser */}
              <img src={`/evidence/${item.id}`} alt={t("openFull", { title: item.title })} className="aspect-square w-full rounded object-cover" loading="lazy" />
              <span className="mt-1 block text-xs text-stone-600">{item.caption}</span>
            </button>
          </li>
        ))}
      </ul>
      <dialog
        ref={dialog}
        aria-labelledby="gallery-title"
        onClose={() => setOpen(null)}
        onKeyDown={onKey}
        className="m-auto max-h-[95vh] w-[min(64rem,95vw)] rounded-lg p-0 backdrop:bg-black/70"
      >
        {current ? (
          <div className="flex max-h-[95vh] flex-col">
            <div className="flex flex-wrap items-center gap-2 border-b border-stone-200 p-3">
              <h2 id="gallery-title" className="mr-auto font-semibold">
                {current.title} <span className="font-normal text-stone-600">{t("position", { n: open! + 1, count: items.length })}</span>
              </h2>
              <button type="button" className={button} onClick={() => show(open! - 1)} disabled={items.length < 2}>
                {t("previous")}
              </button>
              <button type="button" className={button} onClick={() => show(open! + 1)} disabled={items.length < 2}>
                {t("next")}
              </button>
              <button type="button" className={button} onClick={() => setZoom((z) => Math.max(z - 1, 0))} disabled={zoom === 0} aria-label={t("zoomOut")}>
                −
              </button>
              <span aria-live="polite" className="w-12 text-center text-sm">
                {Math.round(ZOOMS[zoom]! * 100)}%
              </span>
              <button type="button" className={button} onClick={() => setZoom((z) => Math.min(z + 1, ZOOMS.length - 1))} disabled={zoom === ZOOMS.length - 1} aria-label={t("zoomIn")}>
                +
              </button>
              <button type="button" className={button} onClick={() => dialog.current?.close()} autoFocus>
                {t("close")}
              </button>
            </div>
            <p className="px-3 pt-2 text-sm text-stone-600">{t("keys", { caption: current.caption })}</p>
            <div className="min-h-0 flex-1 overflow-auto p-3">
              {/* eslint-disable-next-line @next/next/no-img-element -- as above */}
              <img src={`/evidence/${current.id}`} alt={current.title} className={`mx-auto block h-auto ${ZOOM_WIDTHS[zoom]}`} />
            </div>
          </div>
        ) : null}
      </dialog>
    </>
  );
}
