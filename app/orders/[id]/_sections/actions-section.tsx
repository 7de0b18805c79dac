import { randomUUID } from "node:crypto";
import { Countdown } from "@/components/countdown";
import { isPersonCommand } from "@/lib/order";
import type { OrderDetail } from "@/lib/server/orders/get-order";
import { CommandForm } from "../_components/command-form";
import { FORMS } from "../_forms";
import { Card } from "./card";

/**
 * What this person may do now, each with its form; and what they may not, each with the reason and
 * what to do instead. `only`: just these commands (support's case view); `templates`: texts a
 * rationale may start from.
 */
export function ActionsSection({ order, now, only, templates, title = "What you can do" }: { order: OrderDetail; now: Date; only?: readonly string[]; templates?: { title: string; body: string }[]; title?: string }) {
  const actions = order.actions
    .filter((action) => action.relevant && isPersonCommand(action.command) && (!only || only.includes(action.command)))
    .sort((a, b) => (only ? only.indexOf(a.command) - only.indexOf(b.command) : 0));
  if (actions.length === 0) return null;
  return (
    <Card title={title}>
      <ul className="space-y-5">
        {actions.map((action) => {
          if (!action.enabled || !isPersonCommand(action.command)) {
            return (
              <li key={action.command}>
                <p className="text-sm text-stone-700">
                  <span className="font-medium">{action.label}:</span> {action.reason}
                </p>
              </li>
            );
          }
          const form = FORMS[action.command];
          return (
            <li key={action.command} className="space-y-2">
              <h3 className="font-medium">{action.label}</h3>
              {action.until ? (
                <p className="text-sm text-stone-700">
                  Instant cancel ends in <Countdown bare dueAt={action.until.toISOString()} serverNow={now.toISOString()} />; after that the seller has to approve it.
                </p>
              ) : null}
              <CommandForm
                intent={action.command}
                orderId={order.id}
                version={order.version}
                idempotencyKey={randomUUID()}
                label={action.label}
                explanation={form.explain?.(order, action)}
                fields={form.fields?.(order, action).map((field) => (field.kind === "textarea" && field.name === "rationale" && templates?.length ? { ...field, templates } : field))}
                tone={form.tone}
              />
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
