import type { Metadata } from "next";
import { ErrorsExplorer } from "@/components/errors-explorer";
import { RequireCase } from "@/components/require-case";
import { RequireRole } from "@/components/require-role";

export const metadata: Metadata = { title: "Errors" };

export default function ErrorsPage() {
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Rejected rows</h1>
          <p className="muted">Every row of the case that could not be loaded, across its jobs: the raw line beside the reason.</p>
        </div>
      </div>
      <RequireRole role="admin">
        <RequireCase>
          <ErrorsExplorer />
        </RequireCase>
      </RequireRole>
    </>
  );
}
