import type { Metadata } from "next";
import { Suspense } from "react";
import { CaseReport } from "@/components/case-report";

export const metadata: Metadata = { title: "Case report" };

/** The printable case report (issue 21): a cover, then one page per target. */
export default async function CaseReportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <Suspense fallback={<p className="muted">Loading the report…</p>}>
      <CaseReport id={id} />
    </Suspense>
  );
}
