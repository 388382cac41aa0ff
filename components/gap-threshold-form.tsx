"use client";

import { useEffect, useState, type FormEvent } from "react";
import { useSaveGapThreshold } from "@/lib/client/use-gap-threshold";
import type { GapThresholdDto } from "@/lib/schemas/analytics";
import styles from "./gap-threshold-form.module.css";

/**
 * "Report silences of at least [24] hours and [8]× the usual interval": the target's gap threshold
 * in the case (issue 21). Saving applies at once (the stored candidates are filtered when read);
 * Default returns to 24 h and 8×. Read-only when the user's role in the case may not change it.
 */
export function GapThresholdForm({ caseId, target, threshold, canEdit }: { caseId: number; target: string; threshold: GapThresholdDto; canEdit: boolean }) {
  const [hours, setHours] = useState(String(threshold.minSeconds / 3600));
  const [ratio, setRatio] = useState(String(threshold.minRatio));
  const save = useSaveGapThreshold(caseId, target);
  // A saved (or another target's) threshold replaces what the fields show.
  useEffect(() => {
    setHours(String(threshold.minSeconds / 3600));
    setRatio(String(threshold.minRatio));
  }, [threshold.minSeconds, threshold.minRatio, target]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ minSeconds: Math.round(Number(hours) * 3600), minRatio: Number(ratio) });
  };
  const disabled = !canEdit || save.isPending;
  return (
    <form className={styles.form} onSubmit={submit} aria-label="Gap threshold">
      <span>Report silences of at least</span>
      <input
        type="number"
        min={1}
        step="any"
        required
        value={hours}
        onChange={(e) => setHours(e.target.value)}
        disabled={disabled}
        aria-label="Minimum hours"
        className={styles.number}
        data-testid="gap-min-hours"
      />
      <span>hours and</span>
      <input
        type="number"
        min={1}
        step="any"
        required
        value={ratio}
        onChange={(e) => setRatio(e.target.value)}
        disabled={disabled}
        aria-label="Minimum times the usual interval"
        className={styles.number}
        data-testid="gap-min-ratio"
      />
      <span>× the usual interval</span>
      {canEdit ? (
        <>
          <button type="submit" className="btn btn-small btn-primary" disabled={disabled} data-testid="gap-threshold-save">
            {save.isPending ? "Saving…" : "Apply"}
          </button>
          <button type="button" className="btn btn-small" disabled={disabled || threshold.isDefault} onClick={() => save.mutate({ reset: true })} data-testid="gap-threshold-reset">
            Default
          </button>
        </>
      ) : (
        <span className="muted">(your role in this case may not change it)</span>
      )}
      {save.error && (
        <span className="alert" role="alert">
          {save.error.message}
        </span>
      )}
    </form>
  );
}
