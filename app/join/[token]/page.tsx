import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { switchWorldAction } from "@/app/actions/worlds";
import { JoinWorldForm } from "@/components/world-forms";
import { currentVisitorId } from "@/lib/server/auth/session";
import { readSql } from "@/lib/server/sqlite/read-sql";
import { readWorldByToken } from "@/lib/server/worlds/join-world";
import { readWorldView } from "@/lib/server/worlds/world-access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("worlds.join"))("metaTitle") };
}
export const dynamic = "force-dynamic";

/** Where a share link leads: the world's name and a button to join it (joining is a deliberate step, not a side effect of opening a link). */
export default async function JoinPage(props: { params: Promise<{ token: string }> }) {
  const { token } = await props.params;
  const visitorId = await currentVisitorId();
  // The world and whether this browser is in it already, in one snapshot.
  const { world, already } = readSql((sql) => {
    const found = readWorldByToken(sql, token);
    return { world: found, already: found ? readWorldView(sql, found.id, visitorId) : null };
  });
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
