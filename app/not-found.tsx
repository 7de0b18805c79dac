import Link from "next/link";

export default function NotFound() {
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p>We couldn&apos;t find that page or order. It may not exist, or it may belong to someone else.</p>
      <p>
        <Link href="/" className="text-brand-700 hover:underline">
          Back to the start
        </Link>
      </p>
    </div>
  );
}
