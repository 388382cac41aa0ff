"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { adminApi } from "@/lib/client/admin-api";
import { draftFromPlan, overrideOf, type MappingDraft } from "@/lib/client/mapping-draft";
import { queryKeys } from "@/lib/client/query-keys";
import { useJob } from "@/lib/client/use-job";
import { useDetectedMapping, useDraftPreview } from "@/lib/client/use-mapping-preview";
import { MappingColumnsEditor } from "./mapping-columns-editor";
import { MappingFileOptions } from "./mapping-file-options";
import { PreviewRowsTable } from "./preview-rows-table";
import { ReviewReasons } from "./review-reasons";
import styles from "./mapping-review-view.module.css";

/** The reviewer's screen: fix the mapping, watch the preview follow, confirm. */
export function MappingReviewView({ id }: { id: string }) {
  const router = useRouter();
  const qc = useQueryClient();
  const job = useJob(id);
  const detected = useDetectedMapping(id);
  const [draft, setDraft] = useState<MappingDraft | null>(null);
  const preview = useDraftPreview(id, draft);

  // The draft starts from what the engine detected, once, when it arrives.
  if (!draft && detected.data && job.data) {
    const width = Math.max(detected.data.samples.length, detected.data.plan.columns.length, detected.data.headers.length);
    setDraft(draftFromPlan(detected.data.plan, width, job.data.job.fileName));
  }

  const confirm = useMutation({
    mutationFn: (d: MappingDraft) => adminApi.confirmMapping(id, overrideOf(d, true)),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: queryKeys.jobs.all });
      void qc.invalidateQueries({ queryKey: ["templates"] });
      router.push(`/jobs/${encodeURIComponent(id)}`);
    },
  });

  const loadError = job.error ?? detected.error;
  if (loadError) return <p className="alert" role="alert">{loadError.message}</p>;
  if (!job.data || !detected.data || !draft) return <p className="muted" aria-live="polite">Reading the file…</p>;

  const { job: j, plan } = job.data;
  const shown = preview.data ?? detected.data;
  const invalid = shown.rows.filter((r) => r.error).length;
  return (
    <div className="stack">
      <nav aria-label="Breadcrumb" className={styles.crumbs}>
        <Link href="/jobs">Jobs</Link> <span aria-hidden="true">/</span>{" "}
        <Link href={`/jobs/${encodeURIComponent(id)}`}>{j.fileName}</Link> <span aria-hidden="true">/</span> <span>Review</span>
      </nav>
      <div className="page-header">
        <div>
          <h1>Review mapping: {j.fileName}</h1>
          <p className="muted">Choose what each column holds. The preview below follows every change.</p>
        </div>
      </div>
      {j.status !== "needs_review" && (
        <p className="alert alert-warn">This job is not waiting for review ({j.status}); confirming re-runs it with this mapping.</p>
      )}
      {j.status === "needs_review" && <ReviewReasons reasons={plan?.reviewReasons ?? detected.data.plan.reviewReasons} />}

      <MappingFileOptions draft={draft} onChange={setDraft} />
      <MappingColumnsEditor draft={draft} onChange={setDraft} preview={shown} suggested={detected.data.plan.columns} />

      <section className="card" aria-labelledby="preview-title" aria-busy={preview.isFetching}>
        <div className="card-header">
          <h2 id="preview-title">Preview</h2>
          <span className="muted" aria-live="polite" data-testid="preview-summary">
            {preview.isFetching ? "Updating…" : `${shown.rows.length - invalid} valid · ${invalid} invalid of the first ${shown.rows.length} rows`}
          </span>
        </div>
        {preview.error && <p className="alert" role="alert">{preview.error.message}</p>}
        <PreviewRowsTable rows={shown.rows} />
      </section>

      <div className={styles.confirm}>
        <label className="field">
          <span>Save as template</span>
          <input value={draft.templateName} maxLength={120} onChange={(e) => setDraft({ ...draft, templateName: e.target.value })} />
        </label>
        <button type="button" className="btn btn-primary" disabled={confirm.isPending} onClick={() => confirm.mutate(draft)}>
          {confirm.isPending ? "Confirming…" : "Confirm mapping"}
        </button>
        <Link href={`/jobs/${encodeURIComponent(id)}`} className="btn">Back to the job</Link>
      </div>
      {confirm.error && <p className="alert" role="alert">{confirm.error.message}</p>}
    </div>
  );
}
