import type { Metadata } from "next";
import { RequireRole } from "@/components/require-role";
import { TemplatesList } from "@/components/templates-list";
import { PageHeader } from "@/components/page-header";

export const metadata: Metadata = { title: "Templates" };

export default function TemplatesPage() {
  return (
    <>
      <PageHeader title="Layout templates" description="Confirmed mappings. The next file of the same layout loads with its template, without review." />
      <RequireRole role="reviewer">
        <TemplatesList />
      </RequireRole>
    </>
  );
}
