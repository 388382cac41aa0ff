import type { Metadata } from "next";
import { AuditLog } from "@/components/audit-log";
import { RequireRole } from "@/components/require-role";
import { PageHeader } from "@/components/page-header";

export const metadata: Metadata = { title: "Audit log" };

export default function Page() {
  return (
    <>
      <PageHeader title="Audit log" description="Who did what, newest first." />
      <RequireRole role="admin">
        <AuditLog />
      </RequireRole>
    </>
  );
}
