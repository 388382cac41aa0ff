"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef } from "react";
import { hrefWithCase, namesItsCase } from "@/lib/client/case-url";
import { useSelectCase } from "@/lib/client/use-cases";
import type { CurrentCase } from "@/lib/client/use-current-case";

/**
 * Keeps the URL and the server's memory of the current case in step (see lib/client/case-url.ts):
 * a URL without `?case=` gets the case shown written into it (so it can be shared as it is), and a
 * case opened from a URL becomes the user's last used case.
 */
export function CaseUrlSync({ state }: { state: CurrentCase }) {
  const router = useRouter();
  const pathname = usePathname() ?? "/";
  const search = useSearchParams();
  const select = useSelectCase();
  const remembered = useRef<number | null>(null);

  const ready = state.status === "ready" ? state : null;
  const caseId = ready?.caseId ?? null;
  const needsUrl = !!ready && !ready.fromUrl && !namesItsCase(pathname);
  const needsSelect = !!ready && ready.fromUrl && ready.lastCaseId !== ready.caseId && remembered.current !== ready.caseId;

  // Only when a page is arrived at (first load, or a link without ?case=): a case appearing later
  // (just created, just added to) must not rewrite the URL under a navigation already under way.
  const seen = useRef<{ status: CurrentCase["status"]; pathname: string } | null>(null);
  useEffect(() => {
    const before = seen.current;
    seen.current = { status: state.status, pathname };
    const arrived = !before || before.pathname !== pathname || before.status === "loading";
    if (!arrived || !needsUrl || caseId === null) return;
    const qs = search.toString();
    router.replace(hrefWithCase(`${pathname}${qs ? `?${qs}` : ""}${window.location.hash}`, caseId), { scroll: false });
  }, [state.status, needsUrl, caseId, pathname, search, router]);

  useEffect(() => {
    if (!needsSelect || caseId === null) return;
    remembered.current = caseId;
    select.mutate(caseId);
  }, [needsSelect, caseId, select]);

  return null;
}
