"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { CaseDto } from "@/lib/schemas/case";
import { caseHref } from "@/lib/client/case-url";
import { useCurrentCase } from "@/lib/client/use-current-case";
import { useHasRole } from "@/lib/client/use-session";
import { CaseCreateForm } from "./case-create-form";
import { CaseDeleteDialog } from "./case-delete-dialog";
import { CasesTable } from "./cases-table";

/** The Cases page: start a case, and every case you are in with what it holds. */
export function CasesView() {
  const router = useRouter();
  const state = useCurrentCase();
  const isAdmin = useHasRole("admin");
  const [deleting, setDeleting] = useState<CaseDto | null>(null);
  const createCard = useRef<HTMLElement>(null);

  // "New case" in the switcher links to #new-case: bring the form into view with the cursor in it.
  useEffect(() => {
    if (window.location.hash !== "#new-case") return;
    createCard.current?.scrollIntoView({ block: "start" });
    createCard.current?.querySelector("input")?.focus();
  }, []);

  const cases = state.status === "loading" || state.status === "error" ? null : state.cases;
  const currentId = state.status === "ready" ? state.caseId : null;
  return (
    <div className="stack">
      <section className="card" id="new-case" ref={createCard} aria-labelledby="new-case-title">
        <div className="card-header">
          <h2 id="new-case-title">New case</h2>
          <span className="muted">You become its first member and can add colleagues.</span>
        </div>
        <div className="card-body">
          <CaseCreateForm onCreated={(c) => router.push(caseHref(c.id))} />
        </div>
      </section>
      <section className="card" aria-labelledby="cases-title">
        <div className="card-header">
          <h2 id="cases-title">
            {isAdmin ? "All cases" : "Your cases"}
            {cases && <span className="muted"> · {cases.length.toLocaleString("en-US")}</span>}
          </h2>
          {isAdmin && <span className="muted">As an admin you see every case, member or not.</span>}
        </div>
        {state.status === "error" ? (
          <p className="card-body alert" role="alert">
            {state.error.message}
          </p>
        ) : !cases ? (
          <p className="card-body muted">Loading cases…</p>
        ) : (
          <CasesTable cases={cases} currentId={currentId} onDelete={setDeleting} />
        )}
      </section>
      <CaseDeleteDialog
        value={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={(c) => {
          setDeleting(null);
          if (c.id === currentId) router.replace("/cases");
        }}
      />
    </div>
  );
}
