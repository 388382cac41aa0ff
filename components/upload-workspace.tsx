"use client";

import { useEffect } from "react";
import { addFiles, useUploads } from "@/lib/client/upload-store";
import { UploadDropzone } from "./upload-dropzone";
import { UploadItem } from "./upload-item";
import styles from "./upload-workspace.module.css";

/** The upload page body: the drop zone and this session's uploads. */
export function UploadWorkspace() {
  const uploads = useUploads();

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
      <UploadDropzone onFiles={addFiles} />
      {uploads.length > 0 && (
        <section className="card" aria-labelledby="uploads-title">
          <div className="card-header">
            <h2 id="uploads-title">This session’s uploads</h2>
            <span className="muted">{uploads.length} {uploads.length === 1 ? "file" : "files"}</span>
          </div>
          <ul className={styles.list}>
            {uploads.map((item) => (
              <UploadItem key={item.key} item={item} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
