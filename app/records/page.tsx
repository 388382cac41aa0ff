import type { Metadata } from "next";
import { ActiveCaseName } from "@/components/active-case-name";
import { RecordsExplorer } from "@/components/records-explorer";
import { RequireCase } from "@/components/require-case";
import { PageHeader } from "@/components/page-header";

export const metadata: Metadata = { title: "Records" };

export default function RecordsPage() {
  return (
    <RequireCase>
      <PageHeader
        title="Records"
        description={
          <>
            The calls and messages of <ActiveCaseName />, normalized: times in UTC, numbers in E.164.
          </>
        }
      />
      <RecordsExplorer />
    </RequireCase>
  );
}
