import type { Metadata } from "next";
import { Suspense } from "react";
import { MappingReviewView } from "@/components/mapping-review-view";

export const metadata: Metadata = { title: "Review mapping" };

export default async function ReviewMappingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // Who may review depends on the job's case, so the view checks it (after "not found").
  return (
    <Suspense fallback={<p className="muted">Loading the job…</p>}>
      <MappingReviewView id={id} />
    </Suspense>
  );
}
