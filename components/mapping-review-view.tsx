"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { adminApi } from "@/lib/client/admin-api";
import { ApiRequestError } from "@/lib/client/api";
import { caseHref, hrefWithCase, jobHref } from "@/lib/client/case-url";
import { canReviewIn } from "@/lib/client/case-permissions";
import { draftFromPlan, overrideOf, reseeded, type MappingDraft } from "@/lib/client/mapping-draft";
import { checkMapping } from "@/lib/ingest/review/check-mapping";
import { mappingProblemSchema, type MappingProblem } from "@/lib/schemas/mapping-problems";
import { queryKeys } from "@/lib/client/query-keys";
import { useCaseInUrl } from "@/lib/client/use-case-in-url";
import { useCaseOf } from "@/lib/client/use-case-of";
import { useCases } from "@/lib/client/use-cases";
import { useJob } from "@/lib/client/use-job";
import { useSession } from "@/lib/client/use-session";
import { useDetectedMapping, useDraftPreview } from "@/lib/client/use-mapping-preview";
import { MappingColumnsEditor } from "./mapping-columns-editor";
import { MappingFileOptions } from "./mapping-file-options";
import { MappingStructureEditor } from "./mapping-structure-editor";
import { NotFoundNotice } from "./not-found-notice";
import { PreviewRowsTable } from "./preview-rows-table";
import { ReviewReasons } from "./review-reasons";
import problemStyles from "./mapping-problems.module.css";
import styles from "./mapping-review-view.module.css";

const is404 = (e: Error | null) => e instanceof ApiRequestError && e.status === 404;

/**
 * The reviewer's screen: fix the mapping, watch the preview follow, confirm. A job the user may not
 * see is "not found" before anything else, whatever their role; then only those who may review in
 * the job's case get the editor.
 */
export function MappingReviewView({ id }: { id: string }) {
  const job = useJob(id);
  const user = useSession().data?.user;
  const caseId = job.data?.job.caseId ?? null;
  const theCase = useCaseOf(caseId);
  useCaseInUrl(caseId);

  if (is404(job.error)) return <NotFoundNotice kind="job" />;
  if (job.error)
    return (
      <p className="alert" role="alert">
        {job.error.message}
      </p>
    );
  if (!job.data || !user || !theCase)
    return (
      <p className="muted" aria-live="polite">
        Loading the job…
      </p>
    );
  if (!canReviewIn(user, theCase)) {
    return (
      <p className="alert alert-warn" role="alert" data-testid="forbidden">
        Reviewing mappings in {theCase.name} needs the reviewer role, in the case or overall.
      </p>
    );
  }
  return <MappingEditor id={id} />;
}

function MappingEditor({ id }: { id: string }) {
  const router = useRouter();
  const qc = useQueryClient();
  const job = useJob(id);
  const detected = useDetectedMapping(id);
  const [draft, setDraft] = useState<MappingDraft | null>(null);
  const preview = useDraftPreview(id, draft);
  const cases = useCases();

  // The draft starts from what the engine detected, once, when it arrives.
  if (!draft && detected.data && job.data) {
    const width = Math.max(detected.data.samples.length, detected.data.plan.columns.length, detected.data.headers.length);
    setDraft(draftFromPlan(detected.data.plan, width, job.data.job.fileName));
  }

  const confirm = useMutation({
    mutationFn: (d: MappingDraft) => adminApi.confirmMapping(id, overrideOf(d, true)),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: queryKeys.jobs.all });
      void qc.invalidateQueries({ queryKey: queryKeys.templates.all });
      if (job.data) router.push(jobHref(job.data.job));
    },
  });

  const loadError = job.error ?? detected.error;
  if (is404(loadError)) return <NotFoundNotice kind="job" />;
  if (loadError)
    return (
      <p className="alert" role="alert">
        {loadError.message}
      </p>
    );
  if (!job.data || !detected.data || !draft)
    return (
      <p className="muted" aria-live="polite">
        Reading the file…
      </p>
    );

  // A new sheet's first preview seeds the draft with what the engine suggests for its columns.
  if (draft.reseed && preview.data && !preview.isFetching && preview.data.sheet === draft.sheet && !preview.data.plan.transforms?.length) {
    const p = preview.data;
    setDraft(reseeded(draft, p.plan, p.suggested ?? [], Math.max(p.samples.length, p.headers.length)));
  }

  const { job: j, plan } = job.data;
  const theCase = cases.data?.cases.find((c) => c.id === j.caseId);
  const shown = preview.data ?? detected.data;
  const invalid = shown.rows.filter((r) => r.error).length;
  // The same check the mapping route makes, on the plan the job was held with: Confirm waits for none.
  const problems: MappingProblem[] = checkMapping(plan ?? detected.data.plan, overrideOf(draft, false));
  const refused = serverProblems(confirm.error);
  return (
    <div className="stack">
      <nav aria-label="Breadcrumb" className={styles.crumbs}>
        <Link href={caseHref(j.caseId)}>{theCase?.name ?? "Case"}</Link> <span aria-hidden="true">/</span> <Link href={hrefWithCase("/jobs", j.caseId)}>Jobs</Link>{" "}
        <span aria-hidden="true">/</span> <Link href={jobHref(j)}>{j.fileName}</Link> <span aria-hidden="true">/</span> <span>Review</span>
      </nav>
      <div className="page-header">
        <div>
          <h1>Review mapping: {j.fileName}</h1>
          <p className="muted">Choose what each column holds. The preview below follows every change.</p>
        </div>
      </div>
      {j.status !== "needs_review" && <p className="alert alert-warn">This job is not waiting for review ({j.status}); confirming re-runs it with this mapping.</p>}
      {j.status === "needs_review" && <ReviewReasons reasons={plan?.reviewReasons ?? detected.data.plan.reviewReasons} />}

      <MappingFileOptions draft={draft} onChange={setDraft} detected={detected.data.plan} problems={problems} />
      <MappingStructureEditor draft={draft} onChange={setDraft} preview={shown} />
      <MappingColumnsEditor draft={draft} onChange={setDraft} preview={shown} suggested={shown.suggested ?? detected.data.plan.columns} problems={problems} />

      <section className="card" aria-labelledby="preview-title" aria-busy={preview.isFetching}>
        <div className="card-header">
          <h2 id="preview-title">Preview</h2>
          <span className="muted" aria-live="polite" data-testid="preview-summary">
            {preview.isFetching
              ? "Updating…"
              : problems.length > 0
                ? `None would load yet: ${problems.length === 1 ? "1 problem" : `${problems.length} problems`} to fix (see below)`
                : `${shown.rows.length - invalid} valid · ${invalid} invalid of the first ${shown.rows.length} rows`}
          </span>
        </div>
        {preview.error && (
          <p className="alert" role="alert">
            {preview.error.message}
          </p>
        )}
        <PreviewRowsTable rows={shown.rows} />
      </section>

      <div className={styles.confirm}>
        <label className="check">
          <input type="checkbox" checked={draft.saveTemplate} onChange={(e) => setDraft({ ...draft, saveTemplate: e.target.checked })} />
          Save as a template for files like this
        </label>
        {draft.saveTemplate && (
          <label className="field">
            <span>Template name</span>
            <input value={draft.templateName} maxLength={120} onChange={(e) => setDraft({ ...draft, templateName: e.target.value })} />
          </label>
        )}
        <button
          type="button"
          className="btn btn-primary"
          disabled={confirm.isPending || problems.length > 0 || (draft.saveTemplate && !draft.templateName.trim())}
          aria-describedby={problems.length > 0 ? "confirm-problems" : undefined}
          onClick={() => confirm.mutate(draft)}
        >
          {confirm.isPending ? "Confirming…" : "Confirm mapping"}
        </button>
        <Link href={jobHref(j)} className="btn">
          Back to the job
        </Link>
        {problems.length > 0 && (
          <div id="confirm-problems" className={problemStyles.summary} data-testid="confirm-problems">
            <strong>Before confirming:</strong>
            <ul className={problemStyles.list}>
              {problems.map((p, k) => (
                <li key={k}>{p.message}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
      {confirm.error && (
        <div className="alert" role="alert">
          {confirm.error.message}
          {refused.length > 0 && (
            <ul className={problemStyles.list}>
              {refused.map((p, k) => (
                <li key={k}>{p.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

/** The problems a refused confirm came back with (`error.details.problems`), if any. */
function serverProblems(error: Error | null): MappingProblem[] {
  if (!(error instanceof ApiRequestError)) return [];
  const parsed = mappingProblemSchema.array().safeParse((error.details as { problems?: unknown } | undefined)?.problems);
  return parsed.success ? parsed.data : [];
}
