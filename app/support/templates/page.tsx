import type { Metadata } from "next";
import { TemplateForm } from "@/components/template-form";
import { formatDateTime } from "@/lib/format";
import { requireUser } from "@/lib/server/auth/session";
import { listTemplates } from "@/lib/server/support/templates";

export const metadata: Metadata = { title: "Rationale templates" };

/** The team's rationale templates (issue 17, point 4): a decision's rationale can start from one; any agent edits them. */
export default async function TemplatesPage() {
  const user = await requireUser("SUPPORT");
  const templates = await listTemplates(user);
  return (
    <div className="max-w-3xl space-y-5">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">Rationale templates</h1>
        <p className="text-stone-700">
          Every decision form offers these as a start for its rationale. Adapt the text to the case before deciding: both parties read it. Changes apply to the whole team.
        </p>
      </div>
      <section aria-labelledby="new-template" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="new-template" className="mb-2 font-semibold">
          New template
        </h2>
        <TemplateForm />
      </section>
      <ul aria-label="The team's templates" className="space-y-4">
        {templates.map((template) => (
          <li key={template.id} aria-label={template.title} className="rounded-lg border border-stone-200 bg-white p-4">
            <TemplateForm id={template.id} title={template.title} body={template.body} />
            <p className="mt-1 text-xs text-stone-500">
              Last changed by {template.updatedBy}, {formatDateTime(template.updatedAt)}
            </p>
          </li>
        ))}
      </ul>
      {templates.length === 0 ? <p className="text-stone-700">The team has no templates yet.</p> : null}
    </div>
  );
}
