import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { JobsDashboard } from "@/components/jobs-dashboard";

export const metadata: Metadata = { title: "Jobs" };

export default function JobsPage() {
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Jobs</h1>
          <p className="muted">Every file loaded, live. Open a job for its mapping, counts and errors.</p>
        </div>
        <Link href="/" className="btn btn-primary">
          Upload files
        </Link>
      </div>
      {/* useSearchParams needs a Suspense boundary so the shell can render before the URL is read. */}
      <Suspense fallback={<p className="muted">Loading jobs…</p>}>
        <JobsDashboard />
      </Suspense>
    </>
  );
}
