import { signIn } from "@/app/actions/session";
import { ROLE_LABELS } from "@/lib/order";
import { listPersonas, type Persona } from "@/lib/server/auth/personas";
import type { PersonaRole } from "@/lib/server/auth/session-user";

export const dynamic = "force-dynamic";

const GROUPS: { role: PersonaRole; heading: string; intro: string }[] = [
  { role: "BUYER", heading: "Buyers", intro: "Pay, cancel, and watch refunds come back to the original payment method." },
  { role: "SELLER", heading: "Sellers", intro: "See cancellations with their reasons and who made them, and the shop's notifications." },
  { role: "SUPPORT", heading: "Platform support", intro: "See every order with its whole history and money." },
];

const MESSAGES: Record<string, string> = {
  required: "Choose a persona to continue.",
  unknown: "That persona does not exist. Choose one from the list.",
};

export default async function PersonasPage(props: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { signin } = await props.searchParams;
  const message = typeof signin === "string" ? MESSAGES[signin] : undefined;
  const personas = await listPersonas();
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
        {personas.length === 0 ? <p role="alert">The demo world is empty. Run <code>npm run db:seed</code> and reload.</p> : null}
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
    </div>
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
