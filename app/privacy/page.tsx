import type { Metadata } from "next";
import { PrivacyRulesView } from "@/components/privacy-rules-view";
import { RequireRole } from "@/components/require-role";

export const metadata: Metadata = { title: "Privacy rules" };

export default function Page() {
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Privacy rules</h1>
          <p className="muted">Numbers or prefixes to mask or suppress in files loaded from now on.</p>
        </div>
      </div>
      <RequireRole role="admin">
        <PrivacyRulesView />
      </RequireRole>
    </>
  );
}
