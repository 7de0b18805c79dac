import { getTranslations } from "next-intl/server";
import { getI18n } from "@/lib/i18n/server";
import type { OrderDetail } from "@/lib/server/orders/get-order";
import { Card, EvidenceLinks, Facts } from "./card";

/** The buyer's cancel request and the seller's answer. */
export async function CancelRequestSection({ order }: { order: OrderDetail }) {
  const request = order.cancelRequest;
  if (!request) return null;
  const t = await getTranslations("order.cancelRequest");
  const { f, render } = await getI18n();
  return (
    <Card id="cancel-request" title={t("title")}>
      <Facts
        rows={[
          [t("status"), render(request.statusLabel)],
          [t("reason"), render(request.reason)],
          [t("asked"), f.dateTime(request.requestedAt)],
          [t("answerBy"), request.respondBy ? f.dateTime(request.respondBy) : null],
          [t("rejectedBecause"), request.rejectReason ? render(request.rejectReason) : null],
        ]}
      />
    </Card>
  );
}

/** The after-sales case: a refund or return request, or a refused parcel. */
export async function CaseSection({ order }: { order: OrderDetail }) {
  const c = order.returnCase;
  if (!c) return null;
  const t = await getTranslations("order.case");
  const { f, render } = await getI18n();
  const money = (minor: number) => f.money(minor, order.currency);
  return (
    <Card id="refund-or-return" title={t("title")}>
      <Facts
        rows={[
          [t("type"), render(c.typeLabel)],
          [t("status"), render(c.statusLabel)],
          [t("reason"), render(c.reason)],
          [t("description"), c.description || null],
          [t("partialOffer"), c.offerMinor !== null ? money(c.offerMinor) : null],
          [t("returnParcel"), c.carrier ? `${c.carrier} ${c.trackingNumber}` : null],
          [t("rejectedBecause"), c.rejectReason ? render(c.rejectReason) : null],
          [t("refunded"), c.refundMinor !== null ? money(c.refundMinor) : null],
        ]}
      />
      <EvidenceLinks ids={c.evidence} />
    </Card>
  );
}
