import type { Metadata } from "next";
import { PrivacyRulesView } from "@/components/privacy-rules-view";
import { RequireRole } from "@/components/require-role";
import { PageHeader } from "@/components/page-header";

export const metadata: Metadata = { title: "Privacy rules" };

export default function Page() {
  return (
    <>
      <PageHeader title="Privacy rules" description="Numbers or prefixes to mask or suppress in files loaded from now on." />
      <RequireRole role="admin">
        <PrivacyRulesView />
      </RequireRole>
    </>
  );
}
