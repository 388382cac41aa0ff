import type { Metadata } from "next";
import { Suspense } from "react";
import { RecordsExplorer } from "@/components/records-explorer";

export const metadata: Metadata = { title: "Records" };

export default function RecordsPage() {
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Records</h1>
          <p className="muted">The loaded calls and messages you may see, normalized: times in UTC, numbers in E.164.</p>
        </div>
      </div>
      {/* useSearchParams needs a Suspense boundary. */}
      <Suspense fallback={<p className="muted">Loading…</p>}>
        <RecordsExplorer />
      </Suspense>
    </>
  );
}
