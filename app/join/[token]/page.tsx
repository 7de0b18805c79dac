import type { Metadata } from "next";
import Link from "next/link";
import { switchWorldAction } from "@/app/actions/worlds";
import { JoinWorldForm } from "@/components/world-forms";
import { currentVisitorId } from "@/lib/server/auth/session";
import { readDb } from "@/lib/server/db";
import { findWorldByToken } from "@/lib/server/worlds/join-world";
import { loadWorldView } from "@/lib/server/worlds/world-access";

export const metadata: Metadata = { title: "Join a world" };
export const dynamic = "force-dynamic";

/** Where a share link leads: the world's name and a button to join it (joining is a deliberate step, not a side effect of opening a link). */
export default async function JoinPage(props: { params: Promise<{ token: string }> }) {
  const { token } = await props.params;
  const world = await findWorldByToken(readDb, token);
  if (!world) {
    return (
      <div className="max-w-xl space-y-3">
        <h1 className="text-2xl font-semibold">This link does not lead to a world</h1>
        <p className="text-stone-700">The world may have been deleted (by its owner, or after a week nobody used it), or the link was cut short. Ask its owner for a new link.</p>
        <Link href="/" className="text-brand-700 underline">
          Go to the demo world
        </Link>
      </div>
    );
  }
  const already = await loadWorldView(readDb, world.id, await currentVisitorId());
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-2xl font-semibold">Join {world.name}</h1>
      <p className="text-stone-700">
        A private world of this simulator: its own shops, people, orders and clock. After joining you choose a persona in it — a buyer, a seller or
        platform support — and play alongside the others who joined.
      </p>
      {already ? (
        <form action={switchWorldAction} className="space-y-2">
          <p>You are already in this world.</p>
          <input type="hidden" name="worldId" value={world.id} />
          <button type="submit" className="rounded bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
            Choose a persona in {world.name}
          </button>
        </form>
      ) : (
        <JoinWorldForm token={token} worldName={world.name} />
      )}
    </div>
  );
}
