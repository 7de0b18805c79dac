import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { appOrigin } from "@/lib/server/app-origin";
import { API_GROUPS, openApiDocument } from "@/lib/server/api/openapi";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("apiReference"))("title") };
}

type Schema = { type?: string | string[]; enum?: unknown[]; const?: unknown; items?: Schema; anyOf?: Schema[]; properties?: Record<string, Schema>; required?: string[]; description?: string; default?: unknown; minimum?: number; maximum?: number; maxItems?: number };
type Parameter = { name: string; in: string; required?: boolean; description?: string; schema: Schema; $ref?: string };
type Operation = { operationId: string; summary: string; tags: string[]; parameters?: Parameter[]; requestBody?: { content: { "application/json": { schema: Schema } } } };
interface Field {
  name: string;
  type: string;
  required: boolean;
  description: string;
}

/** A JSON schema's type in a few words: `string`, `"A" | "B"`, `string[]`, `integer (1–100)`. */
function typeOf(schema: Schema): string {
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(" | ");
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.anyOf) return schema.anyOf.map(typeOf).join(" | ");
  if (schema.type === "array") return `${schema.items ? typeOf(schema.items) : "any"}[]${schema.maxItems ? ` (≤ ${schema.maxItems})` : ""}`;
  const base = Array.isArray(schema.type) ? schema.type.join(" | ") : (schema.type ?? "any");
  return schema.minimum !== undefined && schema.maximum !== undefined ? `${base} (${schema.minimum}–${schema.maximum})` : base;
}

/** An object's fields, nested objects flattened to `parent.child`. */
function fieldsOf(schema: Schema, prefix = ""): Field[] {
  return Object.entries(schema.properties ?? {}).flatMap(([name, property]) => {
    const field = { name: `${prefix}${name}`, type: property.properties ? "object" : typeOf(property), required: (schema.required ?? []).includes(name), description: property.description ?? "" };
    return [field, ...(property.properties ? fieldsOf(property, `${prefix}${name}.`) : [])];
  });
}

const METHOD_STYLE: Record<string, string> = { get: "bg-sky-100 text-sky-900", post: "bg-emerald-100 text-emerald-900", put: "bg-amber-100 text-amber-900", delete: "bg-red-100 text-red-900" };

/**
 * The platform API's reference (issue 31), drawn from the same OpenAPI document that
 * `/api-reference/openapi.json` serves — itself generated from the gateway's routes and the zod
 * schemas that validate their requests. The page's words are translated; the API's own descriptions
 * stay in English, as the platform's are.
 */
export default async function ApiReferencePage() {
  const t = await getTranslations("apiReference");
  const origin = appOrigin().origin;
  const document = openApiDocument(origin) as { paths: Record<string, Record<string, Operation>> };
  const operations = Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ path, method, operation })));
  const groups = API_GROUPS;
  // A list rather than a table: it reads the same on a phone, where four columns do not fit.
  const table = (caption: string, label: string, fields: Field[]) => (
    <div className="space-y-1">
      <h4 className="pt-2 text-xs font-semibold tracking-wide text-stone-500 uppercase">{caption}</h4>
      <dl aria-label={label} className="divide-y divide-stone-100 text-sm">
        {fields.map((field) => (
          <div key={field.name} className="py-1.5">
            <dt className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5">
              <code className="font-mono text-xs font-semibold break-all">{field.name}</code>
              <code className="font-mono text-xs break-all text-stone-600">{field.type}</code>
              <span className={`text-xs ${field.required ? "font-medium text-amber-800" : "text-stone-500"}`}>{field.required ? t("required") : t("optional")}</span>
            </dt>
            {field.description ? <dd className="text-stone-700">{field.description}</dd> : null}
          </div>
        ))}
      </dl>
    </div>
  );
  return (
    <div className="max-w-4xl space-y-8">
      <div className="space-y-3">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-stone-700">{t("intro")}</p>
        <p className="rounded border border-stone-200 bg-white px-3 py-2 text-sm text-stone-700">{t.rich("base", { origin, code: (chunks) => <code className="font-mono break-all">{chunks}</code> })}</p>
        <p className="text-sm text-stone-700">{t("signing", { guide: "docs/guide-integration.md" })}</p>
        <p className="text-sm text-stone-600">{t("english")}</p>
        <p className="flex flex-wrap gap-2 text-sm">
          <a href="/api-reference/openapi.json" className="inline-flex min-h-11 items-center rounded px-3 font-medium text-brand-700 underline ring-1 ring-stone-300">
            {t("download")}
          </a>
          <Link href="/seller/developer" className="inline-flex min-h-11 items-center rounded px-3 text-brand-700 underline ring-1 ring-stone-300">
            {t("apps")}
          </Link>
        </p>
        <nav aria-label={t("contents")}>
          <ul className="flex flex-wrap gap-2 text-sm">
            {groups.map((group) => (
              <li key={group.key}>
                <a href={`#${group.key}`} className="inline-flex min-h-11 items-center rounded-full px-3 ring-1 ring-stone-300 hover:bg-stone-50">
                  {t(`groups.${group.key}.name`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      {groups.map((group) => (
        <section key={group.key} id={group.key} aria-labelledby={`${group.key}-heading`} className="space-y-4">
          <div className="space-y-1">
            <h2 id={`${group.key}-heading`} className="text-xl font-semibold">
              {t(`groups.${group.key}.name`)}
            </h2>
            <p className="text-sm text-stone-700">{t(`groups.${group.key}.description`)}</p>
          </div>
          {operations
            .filter(({ operation }) => operation.tags.includes(group.tag))
            .map(({ path, method, operation }) => {
              const params: Field[] = (operation.parameters ?? [])
                .filter((parameter) => !parameter.$ref)
                .map((parameter) => ({ name: parameter.name, type: `${typeOf(parameter.schema)} · ${t(`in.${parameter.in === "path" ? "path" : "query"}`)}`, required: !!parameter.required, description: parameter.description ?? "" }));
              const body = operation.requestBody ? fieldsOf(operation.requestBody.content["application/json"].schema) : [];
              return (
                <article key={operation.operationId} id={operation.operationId} aria-labelledby={`${operation.operationId}-title`} className="space-y-2 rounded-lg border border-stone-200 bg-white p-4">
                  <h3 id={`${operation.operationId}-title`} className="flex flex-wrap items-baseline gap-2">
                    <span className={`rounded px-2 py-0.5 font-mono text-xs font-semibold uppercase ${METHOD_STYLE[method] ?? ""}`}>{method}</span>
                    <code className="font-mono text-sm break-all">{path}</code>
                  </h3>
                  <p className="text-sm text-stone-700">{operation.summary}</p>
                  {params.length > 0 ? table(t("parametersShort"), t("parameters", { path }), params) : null}
                  {body.length > 0 ? table(t("bodyShort"), t("body", { path }), body) : operation.requestBody ? <p className="text-sm text-stone-600">{t("emptyBody")}</p> : null}
                </article>
              );
            })}
        </section>
      ))}
    </div>
  );
}
