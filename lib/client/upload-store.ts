"use client";

import { useSyncExternalStore } from "react";
import { uploadFile } from "./upload-request";

export type UploadPhase = "uploading" | "uploaded" | "failed";

export interface UploadItem {
  key: string;
  fileName: string;
  sizeBytes: number;
  loaded: number;
  phase: UploadPhase;
  error: string | null;
  jobId: string | null;
  /** The case the file went into (the current case when it was dropped). */
  caseId: number;
  caseName: string;
}

/**
 * Uploads live outside React so they survive navigating to Jobs and back:
 * the XHRs keep running and the list is still there on return.
 */
let items: readonly UploadItem[] = [];
const listeners = new Set<() => void>();
const aborts = new Map<string, () => void>();
let seq = 0;
const EMPTY: readonly UploadItem[] = [];

function emit() {
  for (const l of listeners) l();
}

function update(key: string, patch: Partial<UploadItem>) {
  items = items.map((it) => (it.key === key ? { ...it, ...patch } : it));
  emit();
}

/** Uploads each file into the given case; switching case afterwards does not move them. */
export function addFiles(files: Iterable<File>, target: { id: number; name: string }): void {
  const added: UploadItem[] = [];
  for (const file of files) {
    seq += 1;
    const key = `${Date.now().toString(36)}-${seq}`;
    added.push({ key, fileName: file.name, sizeBytes: file.size, loaded: 0, phase: "uploading", error: null, jobId: null, caseId: target.id, caseName: target.name });
    const handle = uploadFile(file, target.id, (loaded) => update(key, { loaded }));
    aborts.set(key, handle.abort);
    handle.promise
      .then((res) => {
        const job = res.jobs[0];
        if (!job) throw new Error("The server accepted the file but returned no job.");
        update(key, { phase: "uploaded", loaded: file.size, jobId: job.id });
      })
      .catch((err: unknown) => {
        update(key, { phase: "failed", error: err instanceof Error ? err.message : String(err) });
      })
      .finally(() => aborts.delete(key));
  }
  // Newest first: the files just dropped are what the analyst is looking at.
  items = [...added.reverse(), ...items];
  emit();
}

export function cancelUpload(key: string): void {
  aborts.get(key)?.();
}

export function dismissUpload(key: string): void {
  cancelUpload(key);
  items = items.filter((it) => it.key !== key);
  emit();
}

export function useUploads(): readonly UploadItem[] {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => items,
    () => EMPTY,
  );
}
