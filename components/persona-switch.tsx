import { getTranslations } from "next-intl/server";
import { signIn } from "@/app/actions/session";
/** What a menu needs of a persona (the page passes them). */
interface Persona {
  id: string;
  name: string;
  role: "BUYER" | "SELLER" | "SUPPORT";
  shopName: string | null;
}

/**
 * The header's persona menu (issue 29): every persona of the current world, one click away. Choosing
 * one starts a new session exactly as signing in on the persona page does, in the same world.
 */
export async function PersonaMenu({ personas, currentId, currentName, signOut }: { personas: Persona[]; currentId: string; currentName: string; signOut?: React.ReactNode }) {
  const t = await getTranslations("layout");
  return (
    <details className="group relative">
      <summary className="flex min-h-11 cursor-pointer list-none items-center gap-1 rounded border border-stone-300 px-2 py-1 hover:bg-stone-100 [&::-webkit-details-marker]:hidden">
        <span className="hidden sm:inline">{t("switchPersona")}</span>
        <span className="sm:hidden">
          <span className="sr-only">{t("switchPersona")}: </span>
          {currentName}
        </span>
        <span aria-hidden="true" className="text-xs group-open:rotate-180">
          ▾
        </span>
      </summary>
      <div className="absolute right-0 z-30 mt-1 max-h-[70vh] w-72 overflow-y-auto rounded-lg border border-stone-200 bg-white p-2 shadow-lg">
        {/* One form for the whole menu: each button sends its own persona (a form per persona repeated the action's fields 20 times on every page). */}
        <form action={signIn}>
          <ul className="space-y-1">
            {personas.map((persona) => (
              <li key={persona.id}>
                <button
                  type="submit"
                  name="userId"
                  value={persona.id}
                  disabled={persona.id === currentId}
                  aria-current={persona.id === currentId ? "true" : undefined}
                  className="flex min-h-11 w-full flex-col items-start rounded px-3 py-1.5 text-left hover:bg-stone-100 disabled:bg-stone-100 disabled:font-semibold"
                >
                  <span>{persona.name}</span>
                  <span className="text-xs text-stone-600">{persona.shopName ? t("personaAtShop", { role: t(`roles.${persona.role}`), shop: persona.shopName }) : t(`roles.${persona.role}`)}</span>
                </button>
              </li>
            ))}
          </ul>
        </form>
        {signOut}
      </div>
    </details>
  );
}

/** "View as the seller / the buyer / support" for this order's parties, landing on the same order. */
export async function ViewAs({ orderId, parties }: { orderId: string; parties: { role: "BUYER" | "SELLER" | "SUPPORT"; persona: Persona }[] }) {
  if (parties.length === 0) return null;
  const t = await getTranslations("order.viewAs");
  return (
    <nav aria-label={t("label")} className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-stone-600">{t("label")}:</span>
      <form action={signIn} className="contents">
        <input type="hidden" name="next" value={`/orders/${orderId}`} />
        {parties.map(({ role, persona }) => (
          <button key={persona.id} type="submit" name="userId" value={persona.id} className="min-h-11 rounded border border-stone-300 bg-white px-3 py-1.5 hover:bg-stone-100">
            {t(role, { name: persona.name })}
          </button>
        ))}
      </form>
    </nav>
  );
}
