"use client";

import type { ReactNode } from "react";
import { ApiRequestError } from "@/lib/client/api";
import { parseCaseParam } from "@/lib/client/case-url";
import { useCaseInUrl } from "@/lib/client/use-case-in-url";
import { useCase } from "@/lib/client/use-cases";
import type { CaseDto } from "@/lib/schemas/case";
import { NotFoundNotice } from "./not-found-notice";

/**
 * The case of a /cases/:id page, or why there is none: "not found" for an id that is not a case the
 * user may see (the same answer for a missing case and a non-member's), the error, or loading. The
 * page's content renders only with the case, which also becomes the case in the URL.
 */
export function CaseGate({ id, children }: { id: string; children: (theCase: CaseDto) => ReactNode }) {
  const parsed = parseCaseParam(id);
  const caseId = typeof parsed === "number" ? parsed : null;
  const { data, error, isPending } = useCase(caseId);
  useCaseInUrl(data ? data.case.id : null);
  if (caseId === null || (error instanceof ApiRequestError && error.status === 404)) return <NotFoundNotice kind="case" />;
  if (error)
    return (
      <p className="alert" role="alert">
        {error.message}
      </p>
    );
  if (isPending || !data) return <p className="muted">Loading the case…</p>;
  return children(data.case);
}
