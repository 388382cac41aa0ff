import type { Metadata } from "next";
import { ApiReference } from "@/components/api-reference";
import { openApiDocument } from "@/lib/api-docs/openapi";

export const metadata: Metadata = { title: "API reference" };

/** The HTTP API, drawn from the same OpenAPI document /api/openapi.json serves. Public: it holds no secret. */
export default function Page() {
  const doc = openApiDocument();
  return (
    <>
      <div className="page-header">
        <div>
          <h1>API reference</h1>
          <p className="muted">Every endpoint of Switchyard&apos;s HTTP API: who may call it, what it takes and what it answers.</p>
        </div>
      </div>
      <ApiReference doc={doc} />
    </>
  );
}
