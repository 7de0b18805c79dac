import { getTranslations } from "next-intl/server";
import Link from "next/link";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p>{t("body")}</p>
      <p>
        <Link href="/" className="text-brand-700 hover:underline">
          {t("back")}
        </Link>
      </p>
    </div>
  );
}
