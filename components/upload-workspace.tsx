"use client";

import { useEffect } from "react";
import { useActiveCase } from "@/lib/client/active-case";
import { addFiles, useUploads } from "@/lib/client/upload-store";
import { UploadDropzone } from "./upload-dropzone";
import { UploadItem } from "./upload-item";
import styles from "./upload-workspace.module.css";

/** The upload page body: the drop zone (loading into the current case) and this session's uploads. */
export function UploadWorkspace() {
  const current = useActiveCase();
  const uploads = useUploads();
  // Uploads into other cases (before a switch) stay listed, each saying where it went.
  const elsewhere = uploads.some((u) => u.caseId !== current.id);
  const uploading = uploads.some((u) => u.phase === "uploading");

  // Leaving or reloading the page mid-upload loses the upload: the browser asks first.
  useEffect(() => {
    if (!uploading) return;
    const ask = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = "";
    };
    window.addEventListener("beforeunload", ask);
    return () => window.removeEventListener("beforeunload", ask);
  }, [uploading]);

  // A file dropped just outside the zone would otherwise replace the page with the file.
  useEffect(() => {
    const stop = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes("Files")) e.preventDefault();
    };
    window.addEventListener("dragover", stop);
    window.addEventListener("drop", stop);
    return () => {
      window.removeEventListener("dragover", stop);
      window.removeEventListener("drop", stop);
    };
  }, []);

  return (
    <div className="stack">
      <UploadDropzone caseName={current.name} onFiles={(files) => addFiles(files, { id: current.id, name: current.name })} />
      {uploads.length > 0 && (
        <section className="card" aria-labelledby="uploads-title">
          <div className="card-header">
            <h2 id="uploads-title">This session’s uploads</h2>
            <span className="muted">
              {uploads.length} {uploads.length === 1 ? "file" : "files"}
            </span>
          </div>
          <ul className={styles.list}>
            {uploads.map((item) => (
              <UploadItem key={item.key} item={item} showCase={elsewhere} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
