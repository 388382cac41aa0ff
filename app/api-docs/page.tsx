import type { Metadata } from "next";
import { ApiReference } from "@/components/api-reference";
import { openApiDocument } from "@/lib/api-docs/openapi";
import { PageHeader } from "@/components/page-header";

export const metadata: Metadata = { title: "API reference" };

/** The HTTP API, drawn from the same OpenAPI document /api/openapi.json serves. Public: it holds no secret. */
export default function Page() {
  const doc = openApiDocument();
  return (
    <>
      <PageHeader title="API reference" description={<>Every endpoint of Switchyard&apos;s HTTP API: who may call it, what it takes and what it answers.</>} />
      <ApiReference doc={doc} />
    </>
  );
}
