import type { Metadata } from "next";
import { ActiveCaseName } from "@/components/active-case-name";
import { RecordsExplorer } from "@/components/records-explorer";
import { RequireCase } from "@/components/require-case";

export const metadata: Metadata = { title: "Records" };

export default function RecordsPage() {
  return (
    <RequireCase>
      <div className="page-header">
        <div>
          <h1>Records</h1>
          <p className="muted">The calls and messages of <ActiveCaseName />, normalized: times in UTC, numbers in E.164.</p>
        </div>
      </div>
      <RecordsExplorer />
    </RequireCase>
  );
}
