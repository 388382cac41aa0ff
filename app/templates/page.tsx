import type { Metadata } from "next";
import { RequireRole } from "@/components/require-role";
import { TemplatesList } from "@/components/templates-list";

export const metadata: Metadata = { title: "Templates" };

export default function TemplatesPage() {
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Layout templates</h1>
          <p className="muted">Confirmed mappings. The next file of the same layout loads with its template, without review.</p>
        </div>
      </div>
      <RequireRole role="reviewer">
        <TemplatesList />
      </RequireRole>
    </>
  );
}
