import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { switchWorldAction } from "@/app/actions/worlds";
import { CopyButton } from "@/components/copy-button";
import { ConfirmWorldForm, MemberRoleButton, RemoveMemberButton, ReplaceLinkButton } from "@/components/world-forms";
import { appOrigin } from "@/lib/server/app-origin";
import { getI18n } from "@/lib/i18n/server";
import { currentVisitorId } from "@/lib/server/auth/session";
import { readDb } from "@/lib/server/db";
import { worldDetail } from "@/lib/server/worlds/list-worlds";
import { WORLD_LIMITS, WORLD_ROLE_LABELS, WORLD_TEMPLATE_LABELS } from "@/lib/worlds";

export const metadata: Metadata = { title: "Private world" };
export const dynamic = "force-dynamic";


/** A private world's page for its members: the share link, who is in it and who may move its clock, its expiry, reset and delete. */
export default async function WorldPage(props: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await props.params;
  const { created, removed, replaced } = await props.searchParams;
  const world = await worldDetail(readDb, id, await currentVisitorId());
  // Someone else's world looks exactly like one that does not exist.
  if (!world) notFound();
  const owner = world.role === "OWNER";
  // Built on the configured origin, never on a request's headers (lib/server/app-origin.ts).
  const origin = appOrigin();
  const { f, render } = await getI18n();
  const link = world.joinToken ? `${origin.origin}/join/${world.joinToken}` : null;
  return (
    <div className="max-w-3xl space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">{world.name}</h1>
        <p className="text-sm text-stone-600">
          Private world of {world.ownerName} · you are its {render(WORLD_ROLE_LABELS[world.role ?? "MEMBER"]).toLowerCase()} · {world.counts.personas} personas,{" "}
          {world.counts.orders} orders · {render(WORLD_TEMPLATE_LABELS[world.template]).split(" (")[0]}
        </p>
      </div>
      {created ? (
        <p role="alert" className="rounded border border-emerald-300 bg-emerald-50 px-3 py-2 text-emerald-900">
          Your world is ready. Share the link below with the people who will play in it, then choose a persona.
        </p>
      ) : null}

      <form action={switchWorldAction}>
        <input type="hidden" name="worldId" value={world.id} />
        <button type="submit" className="rounded bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
          Choose a persona in this world
        </button>
      </form>

      <section aria-labelledby="share-heading" className="space-y-2 rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="share-heading" className="text-lg font-semibold">
          Share link
        </h2>
        {link ? (
          <>
            <label htmlFor="share-link" className="text-sm text-stone-700">
              Anyone with this link can join the world and play its personas (not move its clock, unless you make them a facilitator).
            </label>
            <div className="flex flex-wrap items-start gap-2">
              <input id="share-link" readOnly value={link} className="min-w-0 flex-1 rounded border border-stone-300 bg-stone-50 px-2 py-1.5 font-mono text-xs" />
              <CopyButton text={link} label="Copy link" />
            </div>
            {origin.configured ? null : (
              <p className="text-xs text-stone-600">
                The link uses the address this server listens on. If people join from other machines, start it with{" "}
                <code className="font-mono">APP_ORIGIN=http://&lt;the address they reach it at&gt;:3000</code> and the link follows.
              </p>
            )}
            {owner && replaced ? (
              <p role="status" className="rounded border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
                The share link is new: the old one no longer works. Members stay members.
              </p>
            ) : null}
            {owner ? <ReplaceLinkButton worldId={world.id} /> : null}
          </>
        ) : (
          <p className="text-sm text-stone-700">The world&apos;s owner and facilitators have the link; ask them for it.</p>
        )}
      </section>

      <section aria-labelledby="members-heading" className="space-y-2 rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="members-heading" className="text-lg font-semibold">
          Members
        </h2>
        <p className="text-sm text-stone-700">
          Everyone here can play the world&apos;s personas. Only the owner and facilitators can move its clock or reset it
          {owner ? "; you choose the facilitators" : ""}. At most {WORLD_LIMITS.members} people can join.
        </p>
        {owner && typeof removed === "string" ? (
          <p role="status" className="rounded border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
            {removed.slice(0, 60)} is no longer in this world. Replace the share link too if they should not join again.
          </p>
        ) : null}
        <ul className="divide-y divide-stone-100 text-sm">
          {world.members.map((member) => (
            <li key={member.id} className="flex flex-wrap items-center gap-2 py-2">
              <span className="font-medium">{member.name}</span>
              {member.you ? <span className="text-stone-500">(you)</span> : null}
              <span className="text-stone-600">
                · {render(WORLD_ROLE_LABELS[member.role])} · joined {f.dateTime(member.joinedAt)}
              </span>
              {owner && member.role !== "OWNER" ? (
                <span className="ml-auto flex flex-wrap items-start gap-2">
                  <MemberRoleButton
                    worldId={world.id}
                    memberId={member.id}
                    role={member.role === "FACILITATOR" ? "MEMBER" : "FACILITATOR"}
                    label={member.role === "FACILITATOR" ? `Make ${member.name} a member` : `Make ${member.name} a facilitator`}
                  />
                  <RemoveMemberButton worldId={world.id} memberId={member.id} name={member.name} />
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="life-heading" className="space-y-3 rounded-lg border border-stone-200 bg-white p-4 text-sm">
        <h2 id="life-heading" className="text-lg font-semibold">
          Clock, reset and expiry
        </h2>
        <p>{world.clock.allowed ? "You can move this world's clock from the bar at the top of every page, and reset the world here." : render(world.clock.reason)}</p>
        {world.expiresAt ? (
          <p>
            Last used {f.dateTime(world.lastActiveAt)}. If nobody uses it until <strong>{f.dateTime(world.expiresAt)}</strong>, it is deleted
            with its photos; any visit or action by a member moves that date on.
          </p>
        ) : null}
        <div className="flex flex-wrap gap-6">
          {world.clock.allowed ? (
            <ConfirmWorldForm
              kind="reset"
              worldId={world.id}
              summary="Reset this world"
              explanation="Deletes every change made in this world and rebuilds it as it started, with its clock back to real time. Members stay members."
              confirmLabel="Yes, reset this world"
            />
          ) : null}
          {owner ? (
            <ConfirmWorldForm
              kind="delete"
              worldId={world.id}
              summary="Delete this world"
              explanation="Deletes the world, its orders and photos for everyone in it, now. This cannot be undone."
              confirmLabel="Yes, delete this world"
            />
          ) : null}
        </div>
      </section>
    </div>
  );
}
