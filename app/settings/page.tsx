import type { Metadata } from "next";
import Link from "next/link";
import { ApiTokensView } from "@/components/api-tokens-view";

export const metadata: Metadata = { title: "Settings" };

export default function Page() {
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Settings</h1>
          <p className="muted">Personal API tokens let scripts call the API as you: <code>Authorization: Bearer sy_…</code>. Every endpoint is described in the <Link href="/api-docs">API reference</Link>.</p>
        </div>
      </div>
      <ApiTokensView />
    </>
  );
}
