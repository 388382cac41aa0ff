import type { Metadata } from "next";
import { Suspense } from "react";
import { CaseDetailView } from "@/components/case-detail-view";

export const metadata: Metadata = { title: "Case" };

export default async function CasePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <Suspense fallback={<p className="muted">Loading the case…</p>}>
      <CaseDetailView id={id} />
    </Suspense>
  );
}
