"use client";

import { useId, useRef, useState, type DragEvent, type KeyboardEvent } from "react";
import styles from "./upload-dropzone.module.css";

const ACCEPT = ".csv,.tsv,.txt,.psv,.dat,.xlsx,.xls,.pdf,.json,text/*,application/pdf,application/json";

/**
 * The drop target. It is one focusable button-like region (Enter/Space opens the picker),
 * so keyboard and screen-reader users get the same action as a drag.
 */
export function UploadDropzone({ onFiles, caseName }: { onFiles: (files: File[]) => void; caseName: string }) {
  const input = useRef<HTMLInputElement>(null);
  // Counting enter/leave pairs: dragleave fires when crossing into child elements.
  const depth = useRef(0);
  const [dragging, setDragging] = useState(false);
  const titleId = useId();
  const hintId = useId();

  const take = (list: FileList | null | undefined) => {
    const files = list ? Array.from(list) : [];
    if (files.length > 0) onFiles(files);
  };
  const open = () => input.current?.click();
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      open();
    }
  };
  const onDragEnter = (e: DragEvent) => {
    e.preventDefault();
    depth.current += 1;
    setDragging(true);
  };
  const onDragLeave = () => {
    depth.current = Math.max(0, depth.current - 1);
    if (depth.current === 0) setDragging(false);
  };
  const onDragOver = (e: DragEvent) => {
    e.preventDefault();
    e.dataTransfer.dropEffect = "copy";
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    depth.current = 0;
    setDragging(false);
    take(e.dataTransfer?.files);
  };

  return (
    <div
      data-testid="dropzone"
      role="button"
      tabIndex={0}
      aria-labelledby={titleId}
      aria-describedby={hintId}
      className={`${styles.zone} ${dragging ? styles.dragging : ""}`}
      onClick={open}
      onKeyDown={onKeyDown}
      onDragEnter={onDragEnter}
      onDragLeave={onDragLeave}
      onDragOver={onDragOver}
      onDrop={onDrop}
    >
      <svg aria-hidden="true" className={styles.icon} width="40" height="40" viewBox="0 0 24 24">
        <path
          d="M12 16V4m0 0L7 9m5-5 5 5M4 16v3a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-3"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.8"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      <p id={titleId} className={styles.title}>
        {dragging ? `Release to load into ${caseName}` : "Drop call-detail record files here"}
      </p>
      <p className={styles.into} data-testid="dropzone-case">
        into case <strong>{caseName}</strong>
      </p>
      <p id={hintId} className={styles.hint}>
        CSV, TSV, pipe-delimited text, XLSX, XLS, PDF or JSON. Several files at once is fine.
      </p>
      <span className={`btn btn-primary ${styles.choose}`} aria-hidden="true">
        Choose files
      </span>
      <input
        ref={input}
        type="file"
        multiple
        accept={ACCEPT}
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        onClick={(e) => e.stopPropagation()}
        onChange={(e) => {
          take(e.currentTarget.files);
          // Reset so choosing the same file again still fires change.
          e.currentTarget.value = "";
        }}
      />
    </div>
  );
}
