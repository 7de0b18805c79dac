import Link from "next/link";
import { signIn } from "@/app/actions/session";
import { switchWorldAction } from "@/app/actions/worlds";
import { CreateWorldForm } from "@/components/world-forms";
import { formatDateTime } from "@/lib/format";
import { ROLE_LABELS } from "@/lib/order";
import { listPersonas, type Persona } from "@/lib/server/auth/personas";
import { currentVisitorId } from "@/lib/server/auth/session";
import { DEMO_WORLD, type PersonaRole } from "@/lib/server/auth/session-user";
import { readDb } from "@/lib/server/db";
import { currentWorld } from "@/lib/server/worlds/current-world";
import { worldsOfVisitor } from "@/lib/server/worlds/list-worlds";
import { WORLD_LIMITS, WORLD_ROLE_LABELS } from "@/lib/worlds";

export const dynamic = "force-dynamic";

const GROUPS: { role: PersonaRole; heading: string; intro: string }[] = [
  { role: "BUYER", heading: "Buyers", intro: "Pay, cancel, and watch refunds come back to the original payment method." },
  { role: "SELLER", heading: "Sellers", intro: "See cancellations with their reasons and who made them, and the shop's notifications." },
  { role: "SUPPORT", heading: "Platform support", intro: "See every order with its whole history and money." },
];

const MESSAGES: Record<string, string> = {
  required: "Choose a persona to continue.",
  unknown: "That persona does not exist in a world you belong to. Choose one from the list.",
  joined: "You joined the world. Choose who you want to be in it.",
  reset: "The world was reset: everything in it is as it started, and its clock is back to real time.",
  deleted: "The world was deleted. You are back in the demo world.",
};

export default async function PersonasPage(props: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await props.searchParams;
  const key = ["signin", "joined", "reset", "deleted"].find((name) => typeof params[name] === "string");
  const message = key === "signin" ? MESSAGES[String(params.signin)] : key ? MESSAGES[key] : undefined;
  const world = await currentWorld();
  const [personas, worlds] = await Promise.all([listPersonas(world.id), worldsOfVisitor(readDb, await currentVisitorId())]);
  return (
    <div className="space-y-8">
      <section className="space-y-2">
        <h1 className="text-2xl font-semibold">Who do you want to be?</h1>
        <p className="max-w-3xl text-stone-700">
          Refund Lab simulates how an order can be cancelled, refunded or returned at each stage, under TikTok Shop&apos;s published
          rules: instant cancellation in the first hour after payment, cancel requests the seller must answer, refunds to the original
          payment method, and a ledger that always balances. Pick a persona to sign in; there are no passwords in this simulator.
        </p>
        {message ? (
          <p role="alert" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
            {message}
          </p>
        ) : null}
        <p className="max-w-3xl rounded border border-stone-200 bg-white px-3 py-2 text-sm text-stone-700">
          {world.kind === "DEMO" ? (
            <>
              You are in the <strong>demo world</strong>, shared by everyone using this server; its clock runs in real time. To fast-forward time,
              or to play with a group without anyone else&apos;s changes, <a href="#private-world" className="underline">create a private world</a>.
            </>
          ) : (
            <>
              You are in the private world <strong>{world.name}</strong> as its {WORLD_ROLE_LABELS[world.role ?? "MEMBER"].toLowerCase()}.{" "}
              <Link href={`/worlds/${world.id}`} className="underline">
                Its page
              </Link>{" "}
              has the share link, its members and who may move its clock.
            </>
          )}
        </p>
        {personas.length === 0 ? <p role="alert">This world is empty. Run <code>npm run db:seed</code> and reload.</p> : null}
      </section>
      {GROUPS.map((group) => (
        <section key={group.role} aria-labelledby={`group-${group.role}`} className="space-y-3">
          <h2 id={`group-${group.role}`} className="text-lg font-semibold">
            {group.heading}
          </h2>
          <p className="text-sm text-stone-600">{group.intro}</p>
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {personas
              .filter((persona) => persona.role === group.role)
              .map((persona) => (
                <PersonaCard key={persona.id} persona={persona} />
              ))}
          </ul>
        </section>
      ))}
      <section id="private-world" aria-labelledby="worlds-heading" className="scroll-mt-4 space-y-4 rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="worlds-heading" className="text-lg font-semibold">
          Private worlds
        </h2>
        <p className="max-w-3xl text-sm text-stone-700">
          A private world is a sandbox of your own: its own shops, people, orders and clock. You can fast-forward its clock and reset it, and
          share a link so that others join it — a trainee as the buyer in one browser, another as the seller in a second. Nothing done there
          touches the demo world or anyone else&apos;s. A world nobody uses for {WORLD_LIMITS.idleDays} days is deleted.
        </p>
        {worlds.length > 0 || world.kind === "PRIVATE" ? (
          <div className="space-y-2">
            <h3 className="font-medium">Your worlds</h3>
            <ul className="divide-y divide-stone-100 text-sm">
              {world.kind === "PRIVATE" ? (
                <li className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
                  <span className="font-medium">The demo world</span>
                  <span className="text-stone-600">Shared by everyone, real time</span>
                  <WorldSwitch worldId={DEMO_WORLD} label="Go to the demo world" />
                </li>
              ) : null}
              {worlds.map((own) => (
                <li key={own.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
                  <Link href={`/worlds/${own.id}`} className="font-medium underline">
                    {own.name}
                  </Link>
                  <span className="text-stone-600">
                    {WORLD_ROLE_LABELS[own.role]}; deleted {formatDateTime(own.expiresAt)} if unused
                  </span>
                  {own.id === world.id ? <span className="text-stone-600">(you are here)</span> : <WorldSwitch worldId={own.id} label={`Go to ${own.name}`} />}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="space-y-2">
          <h3 className="font-medium">Create a private world</h3>
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

function PersonaCard({ persona }: { persona: Persona }) {
  return (
    <li className="flex flex-col gap-2 rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
      <p className="font-medium">
        {persona.name}{" "}
        <span className="text-sm font-normal text-stone-500">
          · {ROLE_LABELS[persona.role]}
          {persona.shopName ? `, ${persona.shopName}` : ""}
        </span>
      </p>
      <p className="flex-1 text-sm text-stone-700">{persona.blurb}</p>
      <form action={signIn}>
        <input type="hidden" name="userId" value={persona.id} />
        <button type="submit" className="rounded bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
          Sign in as {persona.name}
        </button>
      </form>
    </li>
  );
}
