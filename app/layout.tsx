import type { Metadata } from "next";
import Link from "next/link";
import { signOut } from "@/app/actions/session";
import { ROLE_LABELS } from "@/lib/order";
import { ClockBar } from "@/components/clock-bar";
import { LiveUpdates } from "@/components/live-updates";
import { appNow } from "@/lib/server/app-clock";
import { HOME_BY_ROLE, currentUser } from "@/lib/server/auth/session";
import { orderScope } from "@/lib/server/auth/session-user";
import { readDb } from "@/lib/server/db";
import { nextDeadline } from "@/lib/server/timers/sweep";
import { currentWorld } from "@/lib/server/worlds/current-world";
import { sellerWaitingLabel } from "@/lib/server/seller/needs-action";
import { unreadCounts } from "@/lib/server/conversations/inbox";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Refund Lab", template: "%s · Refund Lab" },
  description: "A simulator of TikTok Shop's published order cancellation, return, refund and dispute rules. Not affiliated with TikTok.",
  icons: { icon: "/favicon.svg" },
};

const NAV = {
  BUYER: [
    { href: "/buyer/orders", label: "My orders" },
    { href: "/inbox", label: "Inbox" },
  ],
  SELLER: [
    { href: "/seller", label: "Needs your action" },
    { href: "/seller/orders", label: "Shop orders" },
    { href: "/seller/performance", label: "Performance" },
    { href: "/seller/settings", label: "Shop settings" },
    { href: "/inbox", label: "Inbox" },
  ],
  SUPPORT: [
    { href: "/support", label: "Dispute queue" },
    { href: "/support/orders", label: "All orders" },
    { href: "/support/templates", label: "Templates" },
    { href: "/support/figures", label: "Agent figures" },
    { href: "/inbox", label: "Inbox" },
  ],
} as const;

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  const now = await appNow();
  const world = await currentWorld();
  // The clock bar's "next deadline" is one this person may see: their own orders, their shop's, or (support) any.
  // A seller's header counts what waits on them (the Seller Center's queue).
  const waiting = user?.role === "SELLER" ? await sellerWaitingLabel(user) : null;
  // Unread conversations and notifications, in the header on every page.
  const unread = user ? await unreadCounts(user) : null;
  const next = user && world.clock.allowed ? await nextDeadline(readDb, now, orderScope(user)) : null;
  return (
    <html lang="en">
      <body className="min-h-screen flex flex-col">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:px-3 focus:py-2">
          Skip to content
        </a>
        <header className="border-b border-stone-200 bg-white">
          <div className="print:hidden mx-auto flex max-w-6xl flex-wrap items-center gap-4 px-4 py-3">
            <Link href={user ? HOME_BY_ROLE[user.role] : "/"} className="text-lg font-semibold text-brand-700">
              Refund Lab
            </Link>
            {user ? (
              <nav aria-label="Main" className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
                {NAV[user.role].map((item) => (
                  <Link key={item.href} href={item.href} className="whitespace-nowrap text-stone-700 hover:text-brand-700 hover:underline">
                    {item.label}
                    {item.href === "/seller" && waiting !== null ? ` (${waiting})` : ""}
                    {item.href === "/inbox" && unread && unread.conversations + unread.notifications > 0 ? ` (${unread.conversations + unread.notifications} unread)` : ""}
                  </Link>
                ))}
              </nav>
            ) : null}
            <div className="ml-auto flex items-center gap-3 text-sm">
              {user ? (
                <>
                  <span>
                    Signed in as <strong>{user.name}</strong> ({ROLE_LABELS[user.role]}
                    {user.shopName ? `, ${user.shopName}` : ""})
                  </span>
                  <form action={signOut}>
                    <button type="submit" className="rounded border border-stone-300 px-3 py-1 hover:bg-stone-100">
                      Sign out
                    </button>
                  </form>
                </>
              ) : (
                <Link href="/" className="hover:underline">
                  Choose a persona
                </Link>
              )}
            </div>
          </div>
          <p className="bg-amber-50 px-4 py-1.5 text-center text-xs text-amber-900">
            A simulator of TikTok Shop&apos;s published order cancellation, return and refund rules, for learning and testing. Not affiliated with TikTok.
          </p>
          <div className="print:hidden">
            <ClockBar now={now} signedIn={!!user} next={next} anywhere={user?.role === "SUPPORT"} world={{ id: world.id, name: world.name, kind: world.kind, clock: world.clock }} />
          </div>
        </header>
        {user ? <LiveUpdates /> : null}
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
          {children}
        </main>
        <footer className="border-t border-stone-200 px-4 py-4 text-center text-xs text-stone-500">
          Refund Lab is an open-source simulator. &ldquo;The platform&rdquo; here means the simulated marketplace, not TikTok.
        </footer>
      </body>
    </html>
  );
}
