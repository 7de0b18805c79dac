import { randomUUID } from "node:crypto";
import { getTranslations } from "next-intl/server";
import { Countdown } from "@/components/countdown";
import type { Translate } from "@/lib/i18n/render";
import { getI18n } from "@/lib/i18n/server";
import { isPersonCommand } from "@/lib/order";
import type { OrderDetail } from "@/lib/server/orders/get-order";
import { CommandForm } from "../_components/command-form";
import { FORMS, type FormWords } from "../_forms";
import { Card } from "./card";

/**
 * What this person may do now, each with its form; and what they may not, each with the reason and
 * what to do instead. `only`: just these commands (support's case view); `templates`: texts a
 * rationale may start from.
 */
export async function ActionsSection({ order, now, only, templates, title }: { order: OrderDetail; now: Date; only?: readonly string[]; templates?: { title: string; body: string }[]; title?: string }) {
  const actions = order.actions
    .filter((action) => action.relevant && isPersonCommand(action.command) && (!only || only.includes(action.command)))
    .sort((a, b) => (only ? only.indexOf(a.command) - only.indexOf(b.command) : 0));
  if (actions.length === 0) return null;
  const t = await getTranslations("order.actions");
  const forms = await getTranslations("forms");
  const { f, render } = await getI18n();
  const words: FormWords = { t: forms as unknown as Translate, render, f };
  return (
    <Card id="actions" title={title ?? t("title")}>
      <ul className="space-y-5">
        {actions.map((action) => {
          const label = render(action.label);
          if (!action.enabled || !isPersonCommand(action.command)) {
            return (
              <li key={action.command}>
                <p className="text-sm text-stone-700">
                  <span className="font-medium">{t("closed", { label })}</span> {action.reason ? render(action.reason) : null}
                </p>
              </li>
            );
          }
          const form = FORMS[action.command];
          return (
            <li key={action.command} className="space-y-2">
              <h3 className="font-medium">{label}</h3>
              {action.until ? (
                <p className="text-sm text-stone-700">
                  {t.rich("instantCancelEnds", { countdown: () => <Countdown bare dueAt={action.until!.toISOString()} serverNow={now.toISOString()} /> })}
                </p>
              ) : null}
              <CommandForm
                intent={action.command}
                orderId={order.id}
                version={order.version}
                idempotencyKey={randomUUID()}
                label={label}
                explanation={form.explain?.(order, action, words)}
                fields={form.fields?.(order, action, words).map((field) => (field.kind === "textarea" && field.name === "rationale" && templates?.length ? { ...field, templates } : field))}
                tone={form.tone}
              />
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
