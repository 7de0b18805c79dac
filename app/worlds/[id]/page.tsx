import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { switchWorldAction } from "@/app/actions/worlds";
import { CopyButton } from "@/components/copy-button";
import { ConfirmWorldForm, MemberRoleButton, RemoveMemberButton, ReplaceLinkButton } from "@/components/world-forms";
import { appOrigin } from "@/lib/server/app-origin";
import { getI18n } from "@/lib/i18n/server";
import { currentVisitorId } from "@/lib/server/auth/session";
import { worldDetail } from "@/lib/server/worlds/list-worlds";
import { WORLD_LIMITS, WORLD_ROLE_LABELS } from "@/lib/worlds";
import { TrainingRoom } from "./training-room";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("worlds.page"))("metaTitle") };
}
export const dynamic = "force-dynamic";


/** A private world's page for its members: the share link, who is in it and who may move its clock, its expiry, reset and delete. */
export default async function WorldPage(props: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await props.params;
  const { created, removed, replaced } = await props.searchParams;
  const world = await worldDetail(id, await currentVisitorId());
  // Someone else's world looks exactly like one that does not exist.
  if (!world) notFound();
  const owner = world.role === "OWNER";
  // Built on the configured origin, never on a request's headers (lib/server/app-origin.ts).
  const origin = appOrigin();
  const { f, render } = await getI18n();
  const t = await getTranslations("worlds.page");
  const link = world.joinToken ? `${origin.origin}/join/${world.joinToken}` : null;
  return (
    <div className="max-w-3xl space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">{world.name}</h1>
        <p className="text-sm text-stone-600">
          {t("summary", {
            owner: world.ownerName,
            role: t(`roleInSentence.${world.role ?? "MEMBER"}`),
            personas: world.counts.personas,
            orders: world.counts.orders,
            template: world.template,
          })}
        </p>
      </div>
      {created ? (
        <p role="alert" className="rounded border border-emerald-300 bg-emerald-50 px-3 py-2 text-emerald-900">
          {t("created")}
        </p>
      ) : null}

      <form action={switchWorldAction}>
        <input type="hidden" name="worldId" value={world.id} />
        <button type="submit" className="rounded bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
          {t("choosePersona")}
        </button>
      </form>

      <section aria-labelledby="share-heading" className="space-y-2 rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="share-heading" className="text-lg font-semibold">
          {t("shareHeading")}
        </h2>
        {link ? (
          <>
            <label htmlFor="share-link" className="text-sm text-stone-700">
              {t("shareLabel")}
            </label>
            <div className="flex flex-wrap items-start gap-2">
              <input id="share-link" readOnly value={link} className="min-w-0 flex-1 rounded border border-stone-300 bg-stone-50 px-2 py-1.5 font-mono text-xs" />
              <CopyButton text={link} label={t("copyLink")} />
            </div>
            {origin.configured ? null : (
              <p className="text-xs text-stone-600">
                {t.rich("originHint", {
                  setting: `APP_ORIGIN=http://<${t("originPlaceholder")}>:3000`,
                  code: (chunks) => <code className="font-mono">{chunks}</code>,
                })}
              </p>
            )}
            {owner && replaced ? (
              <p role="status" className="rounded border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
                {t("replaced")}
              </p>
            ) : null}
            {owner ? <ReplaceLinkButton worldId={world.id} /> : null}
          </>
        ) : (
          <p className="text-sm text-stone-700">{t("askForLink")}</p>
        )}
      </section>

      <section aria-labelledby="members-heading" className="space-y-2 rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="members-heading" className="text-lg font-semibold">
          {t("membersHeading")}
        </h2>
        <p className="text-sm text-stone-700">
          {t("membersIntro", { owner: owner ? "yes" : "no", max: WORLD_LIMITS.members })}
        </p>
        {owner && typeof removed === "string" ? (
          <p role="status" className="rounded border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
            {t("removed", { name: removed.slice(0, 60) })}
          </p>
        ) : null}
        <ul className="divide-y divide-stone-100 text-sm">
          {world.members.map((member) => (
            <li key={member.id} className="flex flex-wrap items-center gap-2 py-2">
              <span className="font-medium">{member.name}</span>
              {member.you ? <span className="text-stone-500">{t("you")}</span> : null}
              <span className="text-stone-600">
                {t("memberLine", { role: render(WORLD_ROLE_LABELS[member.role]), at: f.dateTime(member.joinedAt) })}
              </span>
              {owner && member.role !== "OWNER" ? (
                <span className="ml-auto flex flex-wrap items-start gap-2">
                  <MemberRoleButton
                    worldId={world.id}
                    memberId={member.id}
                    role={member.role === "FACILITATOR" ? "MEMBER" : "FACILITATOR"}
                    label={member.role === "FACILITATOR" ? t("makeMember", { name: member.name }) : t("makeFacilitator", { name: member.name })}
                  />
                  <RemoveMemberButton worldId={world.id} memberId={member.id} name={member.name} />
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      {world.clock.allowed ? <TrainingRoom worldId={world.id} /> : null}

      <section aria-labelledby="life-heading" className="space-y-3 rounded-lg border border-stone-200 bg-white p-4 text-sm">
        <h2 id="life-heading" className="text-lg font-semibold">
          {t("lifeHeading")}
        </h2>
        <p>{world.clock.allowed ? t("clockAllowed") : render(world.clock.reason)}</p>
        {world.expiresAt ? (
          <p>
            {t.rich("expiry", { last: f.dateTime(world.lastActiveAt), expires: f.dateTime(world.expiresAt), strong: (chunks) => <strong>{chunks}</strong> })}
          </p>
        ) : null}
        <div className="flex flex-wrap gap-6">
          {world.clock.allowed ? (
            <ConfirmWorldForm
              kind="reset"
              worldId={world.id}
              summary={t("resetSummary")}
              explanation={t("resetExplanation")}
              confirmLabel={t("resetConfirm")}
            />
          ) : null}
          {owner ? (
            <ConfirmWorldForm
              kind="delete"
              worldId={world.id}
              summary={t("deleteSummary")}
              explanation={t("deleteExplanation")}
              confirmLabel={t("deleteConfirm")}
            />
          ) : null}
        </div>
      </section>
    </div>
  );
}
