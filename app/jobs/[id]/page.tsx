import type { Metadata } from "next";
import { Suspense } from "react";
import { JobDetailView } from "@/components/job-detail-view";

export const metadata: Metadata = { title: "Job" };

export default async function JobPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // The view puts the job's case into ?case= (useSearchParams needs a Suspense boundary).
  return (
    <Suspense fallback={<p className="muted">Loading job…</p>}>
      <JobDetailView id={id} />
    </Suspense>
  );
}
