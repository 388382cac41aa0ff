import type { Metadata } from "next";
import { Suspense } from "react";
import { CasesView } from "@/components/cases-view";
import { PageHeader } from "@/components/page-header";

export const metadata: Metadata = { title: "Cases" };

export default function CasesPage() {
  return (
    <>
      <PageHeader
        title="Cases"
        description="A case is one investigation: the carrier files delivered for it, their records, and who works on it. You see only the cases you are a member of."
      />
      {/* The current case comes from ?case= (useSearchParams needs a Suspense boundary). */}
      <Suspense fallback={<p className="muted">Loading cases…</p>}>
        <CasesView />
      </Suspense>
    </>
  );
}
