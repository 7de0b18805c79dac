import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { signIn } from "@/app/actions/session";
import { switchWorldAction } from "@/app/actions/worlds";
import { CreateWorldForm } from "@/components/world-forms";
import { getI18n } from "@/lib/i18n/server";
import { personaBlurb } from "@/lib/i18n/personas";
import { ROLE_LABELS } from "@/lib/order";
import { listPersonas, type Persona } from "@/lib/server/auth/personas";
import { currentVisitorId } from "@/lib/server/auth/session";
import { DEMO_WORLD, type PersonaRole } from "@/lib/server/auth/session-user";
import { currentWorld } from "@/lib/server/worlds/current-world";
import { worldsOfVisitor } from "@/lib/server/worlds/list-worlds";
import { WORLD_LIMITS, WORLD_ROLE_LABELS } from "@/lib/worlds";

export const dynamic = "force-dynamic";

const GROUPS: PersonaRole[] = ["BUYER", "SELLER", "SUPPORT"];
const NOTICES = ["required", "unknown", "joined", "reset", "deleted"] as const;
type Notice = (typeof NOTICES)[number];

export default async function PersonasPage(props: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await props.searchParams;
  const key = ["signin", "joined", "reset", "deleted"].find((name) => typeof params[name] === "string");
  const notice = (key === "signin" ? String(params.signin) : key) as Notice | undefined;
  const t = await getTranslations("home");
  const { f, render } = await getI18n();
  const world = await currentWorld();
  const [personas, worlds] = await Promise.all([listPersonas(world.id), worldsOfVisitor(await currentVisitorId())]);
  return (
    <div className="space-y-8">
      <section className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="max-w-3xl text-stone-700">{t("intro")}</p>
        {notice && (NOTICES as readonly string[]).includes(notice) ? (
          <p role="alert" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
            {t(`notice.${notice}`)}
          </p>
        ) : null}
        <p className="max-w-3xl rounded border border-stone-200 bg-white px-3 py-2 text-sm text-stone-700">
          {world.kind === "DEMO"
            ? t.rich("inDemo", {
                strong: (chunks) => <strong>{chunks}</strong>,
                link: (chunks) => (
                  <a href="#private-world" className="underline">
                    {chunks}
                  </a>
                ),
              })
            : t.rich("inPrivate", {
                world: world.name,
                role: render(WORLD_ROLE_LABELS[world.role ?? "MEMBER"]),
                strong: (chunks) => <strong>{chunks}</strong>,
                link: (chunks) => (
                  <Link href={`/worlds/${world.id}`} className="underline">
                    {chunks}
                  </Link>
                ),
              })}
        </p>
        {personas.length === 0 ? <p role="alert">{t("empty", { command: "npm run db:seed" })}</p> : null}
        <p className="max-w-3xl rounded border border-brand-600/30 bg-brand-50 px-3 py-2 text-sm text-stone-800">
          {t.rich("learn", {
            scenarios: (chunks) => (
              <Link href="/scenarios" className="font-medium text-brand-700 underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </section>
      {GROUPS.map((role) => (
        <section key={role} aria-labelledby={`group-${role}`} className="space-y-3">
          <h2 id={`group-${role}`} className="text-lg font-semibold">
            {t(`groups.${role}.heading`)}
          </h2>
          <p className="text-sm text-stone-600">{t(`groups.${role}.intro`)}</p>
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {personas
              .filter((persona) => persona.role === role)
              .map((persona) => (
                <PersonaCard key={persona.id} persona={persona} />
              ))}
          </ul>
        </section>
      ))}
      <section id="private-world" aria-labelledby="worlds-heading" className="scroll-mt-4 space-y-4 rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="worlds-heading" className="text-lg font-semibold">
          {t("worlds.title")}
        </h2>
        <p className="max-w-3xl text-sm text-stone-700">{t("worlds.intro", { days: WORLD_LIMITS.idleDays })}</p>
        {worlds.length > 0 || world.kind === "PRIVATE" ? (
          <div className="space-y-2">
            <h3 className="font-medium">{t("worlds.yours")}</h3>
            <ul className="divide-y divide-stone-100 text-sm">
              {world.kind === "PRIVATE" ? (
                <li className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
                  <span className="font-medium">{t("worlds.demo")}</span>
                  <span className="text-stone-600">{t("worlds.demoNote")}</span>
                  <WorldSwitch worldId={DEMO_WORLD} label={t("worlds.goDemo")} />
                </li>
              ) : null}
              {worlds.map((own) => (
                <li key={own.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
                  <Link href={`/worlds/${own.id}`} className="font-medium underline">
                    {own.name}
                  </Link>
                  <span className="text-stone-600">{t("worlds.roleAndExpiry", { role: render(WORLD_ROLE_LABELS[own.role]), at: f.dateTime(own.expiresAt) })}</span>
                  {own.id === world.id ? <span className="text-stone-600">{t("worlds.here")}</span> : <WorldSwitch worldId={own.id} label={t("worlds.go", { name: own.name })} />}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="space-y-2">
          <h3 className="font-medium">{t("worlds.create")}</h3>
          <CreateWorldForm />
        </div>
      </section>
    </div>
  );
}

function WorldSwitch({ worldId, label }: { worldId: string; label: string }) {
  return (
    <form action={switchWorldAction}>
      <input type="hidden" name="worldId" value={worldId} />
      <button type="submit" className="rounded border border-stone-300 px-2 py-0.5 text-xs hover:bg-stone-100">
        {label}
      </button>
    </form>
  );
}

async function PersonaCard({ persona }: { persona: Persona }) {
  const t = await getTranslations("home");
  const { render, locale } = await getI18n();
  return (
    <li className="flex flex-col gap-2 rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
      <p className="font-medium">
        {persona.name}{" "}
        <span className="text-sm font-normal text-stone-500">
          · {render(ROLE_LABELS[persona.role])}
          {persona.shopName ? t("atShop", { shop: persona.shopName }) : ""}
        </span>
      </p>
      <p className="flex-1 text-sm text-stone-700">{personaBlurb(persona, locale)}</p>
      <form action={signIn}>
        <input type="hidden" name="userId" value={persona.id} />
        <button type="submit" className="rounded bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
          {t("signInAs", { name: persona.name })}
        </button>
      </form>
    </li>
  );
}
