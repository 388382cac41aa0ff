import type { Metadata } from "next";
import { ErrorsExplorer } from "@/components/errors-explorer";
import { RequireCase } from "@/components/require-case";
import { RequireRole } from "@/components/require-role";
import { PageHeader } from "@/components/page-header";

export const metadata: Metadata = { title: "Errors" };

export default function ErrorsPage() {
  return (
    <>
      <PageHeader title="Rejected rows" description="Every row of the case that could not be loaded, across its jobs: the raw line beside the reason." />
      <RequireRole role="admin">
        <RequireCase>
          <ErrorsExplorer />
        </RequireCase>
      </RequireRole>
    </>
  );
}
