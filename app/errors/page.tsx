import type { Metadata } from "next";
import { ErrorsExplorer } from "@/components/errors-explorer";
import { RequireRole } from "@/components/require-role";

export const metadata: Metadata = { title: "Errors" };

export default function ErrorsPage() {
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Rejected rows</h1>
          <p className="muted">Every row that could not be loaded, across all jobs: the raw line beside the reason.</p>
        </div>
      </div>
      <RequireRole role="admin">
        <ErrorsExplorer />
      </RequireRole>
    </>
  );
}
