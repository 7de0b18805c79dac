import { formatDateTime } from "@/lib/format";
import { formatMoney } from "@/lib/money";
import type { OrderDetail } from "@/lib/server/orders/get-order";
import { Card, EvidenceLinks, Facts } from "./card";

/** The buyer's cancel request and the seller's answer. */
export function CancelRequestSection({ order }: { order: OrderDetail }) {
  const request = order.cancelRequest;
  if (!request) return null;
  return (
    <Card title="Cancel request">
      <Facts
        rows={[
          ["Status", request.statusLabel],
          ["Reason", request.reason],
          ["Asked", formatDateTime(request.requestedAt)],
          ["Answer by", request.respondBy ? formatDateTime(request.respondBy) : null],
          ["Rejected because", request.rejectReason],
        ]}
      />
    </Card>
  );
}

/** The after-sales case: a refund or return request, or a refused parcel. */
export function CaseSection({ order }: { order: OrderDetail }) {
  const c = order.returnCase;
  if (!c) return null;
  const money = (minor: number) => formatMoney(minor, order.currency);
  return (
    <Card title="Refund or return">
      <Facts
        rows={[
          ["Type", c.typeLabel],
          ["Status", c.statusLabel],
          ["Reason", c.reason],
          ["Description", c.description || null],
          ["Partial offer", c.offerMinor !== null ? money(c.offerMinor) : null],
          ["Return parcel", c.carrier ? `${c.carrier} ${c.trackingNumber}` : null],
          ["Rejected because", c.rejectReason],
          ["Refunded", c.refundMinor !== null ? money(c.refundMinor) : null],
        ]}
      />
      <EvidenceLinks ids={c.evidence} />
    </Card>
  );
}
