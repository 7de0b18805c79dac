import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { TemplateForm } from "@/components/template-form";
import { getI18n } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/session";
import { listTemplates } from "@/lib/server/support/templates";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("support.templates"))("title") };
}

/** The team's rationale templates (issue 17, point 4): a decision's rationale can start from one; any agent edits them. */
export default async function TemplatesPage() {
  const user = await requireUser("SUPPORT");
  const templates = await listTemplates(user);
  const t = await getTranslations("support.templates");
  const { f } = await getI18n();
  return (
    <div className="max-w-3xl space-y-5">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-stone-700">
          {t("intro")}
        </p>
      </div>
      <section aria-labelledby="new-template" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="new-template" className="mb-2 font-semibold">
          {t("new")}
        </h2>
        <TemplateForm />
      </section>
      <ul aria-label={t("list")} className="space-y-4">
        {templates.map((template) => (
          <li key={template.id} aria-label={template.title} className="rounded-lg border border-stone-200 bg-white p-4">
            <TemplateForm id={template.id} title={template.title} body={template.body} />
            <p className="mt-1 text-xs text-stone-500">
              {t("lastChanged", { who: template.updatedBy, at: f.dateTime(template.updatedAt) })}
            </p>
          </li>
        ))}
      </ul>
      {templates.length === 0 ? <p className="text-stone-700">{t("none")}</p> : null}
    </div>
  );
}
