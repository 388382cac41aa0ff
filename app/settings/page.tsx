import type { Metadata } from "next";
import Link from "next/link";
import { ApiTokensView } from "@/components/api-tokens-view";
import { PageHeader } from "@/components/page-header";

export const metadata: Metadata = { title: "Settings" };

export default function Page() {
  return (
    <>
      <PageHeader
        title="Settings"
        description={
          <>
            Personal API tokens let scripts call the API as you: <code>Authorization: Bearer sy_…</code>. Every endpoint is described in the{" "}
            <Link href="/api-docs">API reference</Link>.
          </>
        }
      />
      <ApiTokensView />
    </>
  );
}
