import type { Metadata } from "next";
import { ActiveCaseName } from "@/components/active-case-name";
import { CaseLink } from "@/components/case-link";
import { JobsDashboard } from "@/components/jobs-dashboard";
import { RequireCase } from "@/components/require-case";
import { PageHeader } from "@/components/page-header";

export const metadata: Metadata = { title: "Jobs" };

export default function JobsPage() {
  return (
    <RequireCase>
      <PageHeader
        title="Jobs"
        description={
          <>
            Every file loaded into <ActiveCaseName />, live. Open a job for its mapping, counts and errors.
          </>
        }
        actions={
          <CaseLink href="/" className="btn btn-primary">
            Upload files
          </CaseLink>
        }
      />
      <JobsDashboard />
    </RequireCase>
  );
}
