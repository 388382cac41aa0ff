"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect } from "react";
import { CASE_PARAM, hrefWithCase } from "./case-url";

/**
 * For pages whose path names a job or a case: once it is known which case that is, `?case=` says
 * so, and the header's switcher with it. Needs a Suspense boundary above (useSearchParams).
 */
export function useCaseInUrl(caseId: number | null): void {
  const router = useRouter();
  const pathname = usePathname() ?? "/";
  const search = useSearchParams();
  const inUrl = search.get(CASE_PARAM);
  useEffect(() => {
    if (caseId === null || inUrl === String(caseId)) return;
    const qs = search.toString();
    router.replace(hrefWithCase(`${pathname}${qs ? `?${qs}` : ""}`, caseId), { scroll: false });
  }, [caseId, inUrl, pathname, search, router]);
}
