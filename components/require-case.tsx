"use client";

import { Fragment, Suspense, type ReactNode } from "react";
import { ActiveCaseContext } from "@/lib/client/active-case";
import { useCurrentCase } from "@/lib/client/use-current-case";
import { NoCasePrompt } from "./no-case-prompt";
import { NotFoundNotice } from "./not-found-notice";

function CaseGate({ children }: { children: ReactNode }) {
  const state = useCurrentCase();
  switch (state.status) {
    case "loading":
      return (
        <p className="muted" aria-live="polite">
          Loading your case…
        </p>
      );
    case "error":
      return (
        <p className="alert" role="alert">
          Could not load your cases: {state.error.message}
        </p>
      );
    case "none":
      return <NoCasePrompt />;
    case "not_found":
      return <NotFoundNotice kind="case" />;
    case "ready":
      // Keyed by case: filters, pages and drafts of one case never carry over to another.
      return (
        <ActiveCaseContext.Provider value={state.current}>
          <Fragment key={state.caseId}>{children}</Fragment>
        </ActiveCaseContext.Provider>
      );
  }
}

/**
 * A page that works in the current case (`?case=`, else the last used one): it renders once the
 * case is known and visible, a "not found" page for a case the user may not see, and a prompt to
 * create one for a user in none.
 */
export function RequireCase({ children }: { children: ReactNode }) {
  return (
    <Suspense fallback={<p className="muted">Loading your case…</p>}>
      <CaseGate>{children}</CaseGate>
    </Suspense>
  );
}
