import type { Metadata } from "next";
import { ActiveCaseName } from "@/components/active-case-name";
import { CaseLink } from "@/components/case-link";
import { JobsDashboard } from "@/components/jobs-dashboard";
import { RequireCase } from "@/components/require-case";

export const metadata: Metadata = { title: "Jobs" };

export default function JobsPage() {
  return (
    <RequireCase>
      <div className="page-header">
        <div>
          <h1>Jobs</h1>
          <p className="muted">Every file loaded into <ActiveCaseName />, live. Open a job for its mapping, counts and errors.</p>
        </div>
        <CaseLink href="/" className="btn btn-primary">
          Upload files
        </CaseLink>
      </div>
      <JobsDashboard />
    </RequireCase>
  );
}
