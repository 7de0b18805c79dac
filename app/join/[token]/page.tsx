import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { switchWorldAction } from "@/app/actions/worlds";
import { JoinWorldForm } from "@/components/world-forms";
import { currentVisitorId } from "@/lib/server/auth/session";
import { readDb } from "@/lib/server/db";
import { findWorldByToken } from "@/lib/server/worlds/join-world";
import { loadWorldView } from "@/lib/server/worlds/world-access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("worlds.join"))("metaTitle") };
}
export const dynamic = "force-dynamic";

/** Where a share link leads: the world's name and a button to join it (joining is a deliberate step, not a side effect of opening a link). */
export default async function JoinPage(props: { params: Promise<{ token: string }> }) {
  const { token } = await props.params;
  const world = await findWorldByToken(readDb, token);
  const t = await getTranslations("worlds.join");
  if (!world) {
    return (
      <div className="max-w-xl space-y-3">
        <h1 className="text-2xl font-semibold">{t("nowhereTitle")}</h1>
        <p className="text-stone-700">{t("nowhereBody")}</p>
        <Link href="/" className="text-brand-700 underline">
          {t("toDemo")}
        </Link>
      </div>
    );
  }
  const already = await loadWorldView(readDb, world.id, await currentVisitorId());
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-2xl font-semibold">{t("title", { world: world.name })}</h1>
      <p className="text-stone-700">
        {t("intro")}
      </p>
      {already ? (
        <form action={switchWorldAction} className="space-y-2">
          <p>{t("already")}</p>
          <input type="hidden" name="worldId" value={world.id} />
          <button type="submit" className="rounded bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
            {t("choosePersona", { world: world.name })}
          </button>
        </form>
      ) : (
        <JoinWorldForm token={token} worldName={world.name} />
      )}
    </div>
  );
}
