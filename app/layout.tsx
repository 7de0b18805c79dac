import type { Metadata } from "next";
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { LanguageButtons } from "@/components/language-buttons";
import { signOut } from "@/app/actions/session";
import { TimeZoneSync } from "@/components/time-zone-sync";
import { CATALOGUES } from "@/lib/i18n/catalogues";
import { LOCALE_NAMES, LOCALE_SHORT_NAMES } from "@/lib/i18n/locales";
import { viewerPreferences } from "@/lib/i18n/preferences";
import { getI18n } from "@/lib/i18n/server";
import { ClockBar } from "@/components/clock-bar";
import { LiveUpdates } from "@/components/live-updates";
import { appNow } from "@/lib/server/app-clock";
import { HOME_BY_ROLE, currentUser } from "@/lib/server/auth/session";
import { orderScope } from "@/lib/server/auth/session-user";
import { readSql } from "@/lib/server/sqlite/read-sql";
import { readNextDeadline } from "@/lib/server/timers/sweep";
import { currentWorld } from "@/lib/server/worlds/current-world";
import { readPersonas } from "@/lib/server/auth/personas";
import { PersonaMenu } from "@/components/persona-switch";
import { readSellerWaitingLabel } from "@/lib/server/seller/needs-action";
import { readUnreadCounts } from "@/lib/server/conversations/inbox";
import { readCartCount } from "@/lib/server/shop/cart";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("layout");
  return {
    title: { default: t("appName"), template: t("titleTemplate", { page: "%s" }) },
    description: t("description"),
    icons: { icon: "/favicon.svg" },
  };
}

type NavKey = "shop" | "myOrders" | "cart" | "wallet" | "inbox" | "needsAction" | "shopOrders" | "performance" | "shopSettings" | "disputeQueue" | "allOrders" | "templates" | "agentFigures";

const NAV: Record<"BUYER" | "SELLER" | "SUPPORT", { href: string; label: NavKey }[]> = {
  BUYER: [
    { href: "/shop", label: "shop" },
    { href: "/buyer/orders", label: "myOrders" },
    { href: "/cart", label: "cart" },
    { href: "/wallet", label: "wallet" },
    { href: "/inbox", label: "inbox" },
  ],
  SELLER: [
    { href: "/seller", label: "needsAction" },
    { href: "/seller/orders", label: "shopOrders" },
    { href: "/seller/performance", label: "performance" },
    { href: "/seller/settings", label: "shopSettings" },
    { href: "/inbox", label: "inbox" },
  ],
  SUPPORT: [
    { href: "/support", label: "disputeQueue" },
    { href: "/support/orders", label: "allOrders" },
    { href: "/support/templates", label: "templates" },
    { href: "/support/figures", label: "agentFigures" },
    { href: "/inbox", label: "inbox" },
  ],
};

/** The persona menu's "Sign out" (a phone's only one). */
function SignOutButton({ label }: { label: string }) {
  return (
    <form action={signOut} className="mt-1 border-t border-stone-100 pt-1 sm:hidden">
      <button type="submit" className="min-h-11 w-full rounded px-3 py-1.5 text-left hover:bg-stone-100">
        {label}
      </button>
    </form>
  );
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  const now = await appNow();
  const world = await currentWorld();
  // The header's facts, in one snapshot on the read connection (issue 32): the clock bar's "next
  // deadline" (one this person may see: their own orders, their shop's, or, for support, any), what
  // waits on a seller (the Seller Center's queue), unread conversations and notifications, a
  // buyer's cart, and this world's personas for the persona menu.
  const header = user
    ? readSql((sql) => ({
        waiting: user.role === "SELLER" ? readSellerWaitingLabel(sql, user) : null,
        unread: readUnreadCounts(sql, user),
        cartItems: readCartCount(sql, user),
        personas: readPersonas(sql, world.id),
        next: world.clock.allowed ? readNextDeadline(sql, now, orderScope(user)) : null,
      }))
    : { waiting: null, unread: null, cartItems: 0, personas: [], next: null };
  const { waiting, unread, cartItems, personas, next } = header;
  const preferences = await viewerPreferences();
  const { locale } = preferences;
  const t = await getTranslations("layout");
  const { f } = await getI18n();
  return (
    <html lang={locale}>
      <body className="min-h-screen flex flex-col">
        <NextIntlClientProvider locale={locale} timeZone={preferences.timeZone} messages={{ client: CATALOGUES[locale].client }}>
        <TimeZoneSync current={preferences.timeZone} chosen={preferences.timeZoneChosen} />
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:px-3 focus:py-2">
          {t("skip")}
        </a>
        <header className="border-b border-stone-200 bg-white">
          <div className="print:hidden mx-auto flex max-w-6xl flex-wrap items-center gap-4 px-4 py-3">
            <Link href={user ? HOME_BY_ROLE[user.role] : "/"} className="text-lg font-semibold text-brand-700">
              {t("appName")}
            </Link>
            {user ? (
              // On a phone the links are one row under the name and the menus, scrolled sideways within
              // itself when it is longer than the screen (the page never is); each link is a 44 px target.
              <nav aria-label={t("mainNav")} className="relative order-last -mx-2 flex w-full min-w-0 gap-x-1 overflow-x-auto text-sm md:order-none md:mx-0 md:w-auto md:flex-wrap">
                {NAV[user.role].map((item) => (
                  <Link key={item.href} href={item.href} className="inline-flex min-h-11 shrink-0 items-center whitespace-nowrap rounded px-2 text-stone-700 hover:bg-stone-50 hover:text-brand-700 hover:underline">
                    {item.href === "/cart" && cartItems > 0 ? t("nav.cartCount", { n: cartItems }) : t(`nav.${item.label}`)}
                    {item.href === "/seller" && waiting !== null ? ` (${waiting})` : ""}
                    {item.href === "/inbox" && unread && unread.conversations + unread.notifications > 0 ? (
                      <>
                        <span aria-hidden="true" className="ml-1 rounded-full bg-brand-700 px-1.5 text-xs font-semibold text-white">
                          {unread.conversations + unread.notifications}
                        </span>
                        <span className="sr-only"> {t("unread", { n: unread.conversations + unread.notifications })}</span>
                      </>
                    ) : null}
                  </Link>
                ))}
              </nav>
            ) : null}
            <div className="ml-auto flex flex-wrap items-center justify-end gap-x-3 gap-y-2 text-sm">
              {user ? (
                <>
                  {/* On a phone the persona menu names who you are; the sentence is for wider screens. */}
                  <span className="hidden sm:inline">
                    {user.shopName
                      ? t.rich("signedInAsAtShop", { name: user.name, role: t(`roles.${user.role}`), shop: user.shopName, strong: (chunks) => <strong>{chunks}</strong> })
                      : t.rich("signedInAs", { name: user.name, role: t(`roles.${user.role}`), strong: (chunks) => <strong>{chunks}</strong> })}
                  </span>
                  <PersonaMenu personas={personas} currentId={user.id} currentName={user.name} signOut={<SignOutButton label={t("signOut")} />} />
                  {/* On a phone "Sign out" is the persona menu's last entry. */}
                  <form action={signOut} className="hidden sm:block">
                    <button type="submit" className="min-h-11 rounded border border-stone-300 px-3 py-1 hover:bg-stone-100">
                      {t("signOut")}
                    </button>
                  </form>
                </>
              ) : (
                <Link href="/" className="hover:underline">
                  {t("choosePersona")}
                </Link>
              )}
              <details className="group relative">
                <summary className="flex min-h-11 cursor-pointer list-none items-center gap-1 rounded border border-stone-300 px-2 py-1 hover:bg-stone-100 [&::-webkit-details-marker]:hidden">
                  <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 fill-none stroke-current" strokeWidth="1.5">
                    <circle cx="10" cy="10" r="8" />
                    <path d="M2 10h16M10 2c2.5 2.5 2.5 13.5 0 16M10 2c-2.5 2.5-2.5 13.5 0 16" />
                  </svg>
                  <span className="sr-only">{t("language")}:</span>
                  <span lang={locale} className="hidden sm:inline">
                    {LOCALE_NAMES[locale]}
                  </span>
                  <span lang={locale} className="sm:hidden">
                    {LOCALE_SHORT_NAMES[locale]}
                  </span>
                  <span aria-hidden="true" className="text-xs group-open:rotate-180">▾</span>
                </summary>
                <div className="absolute right-0 z-30 mt-1 w-60 space-y-2 rounded-lg border border-stone-200 bg-white p-2 shadow-lg">
                  <LanguageButtons
                    locale={locale}
                    label={t("language")}
                    className="flex flex-col"
                    buttonClassName={(current) => `min-h-11 rounded px-3 py-2 text-left ${current ? "bg-stone-100 font-semibold" : "hover:bg-stone-100 hover:underline"}`}
                  />
                  <Link href="/settings" className="block rounded border-t border-stone-100 px-3 py-2 text-xs text-stone-700 hover:underline">
                    {t("timeZoneLink", { zone: f.zoneName(now) })}
                  </Link>
                </div>
              </details>
            </div>
          </div>
          <p className="bg-amber-50 px-4 py-1.5 text-center text-xs text-amber-900">
            <span className="sm:hidden">{t("disclaimerShort")}</span>
            <span className="hidden sm:inline">{t("disclaimer")}</span>
          </p>
          <div className="print:hidden">
            <ClockBar now={now} signedIn={!!user} next={next} anywhere={user?.role === "SUPPORT"} world={{ id: world.id, name: world.name, kind: world.kind, clock: world.clock }} />
          </div>
        </header>
        {user ? <LiveUpdates /> : null}
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
          {children}
        </main>
        <footer className="space-y-1 border-t border-stone-200 px-4 py-4 text-center text-xs text-stone-500">
          <p className="flex flex-wrap justify-center gap-2 text-sm">
            <Link href="/scenarios" className="inline-flex min-h-11 items-center px-2 text-brand-700 underline">
              {t("scenarios")}
            </Link>
            <Link href="/how-it-works" className="inline-flex min-h-11 items-center px-2 text-brand-700 underline">
              {t("howItWorks")}
            </Link>
            <Link href="/rules" className="inline-flex min-h-11 items-center px-2 text-brand-700 underline">
              {t("rules")}
            </Link>
            <Link href="/api-reference" className="inline-flex min-h-11 items-center px-2 text-brand-700 underline">
              {t("apiReference")}
            </Link>
          </p>
          <p>{t("footer")}</p>
        </footer>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
