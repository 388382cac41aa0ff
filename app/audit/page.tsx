import type { Metadata } from "next";
import { AuditLog } from "@/components/audit-log";
import { RequireRole } from "@/components/require-role";

export const metadata: Metadata = { title: "Audit log" };

export default function Page() {
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Audit log</h1>
          <p className="muted">Who did what, newest first.</p>
        </div>
      </div>
      <RequireRole role="admin">
        <AuditLog />
      </RequireRole>
    </>
  );
}
