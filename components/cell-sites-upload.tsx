"use client";

import { useState } from "react";
import { formatCount } from "@/lib/client/format";
import { useCellSites, useCellSitesMutations } from "@/lib/client/use-cells";
import styles from "./cell-sites-upload.module.css";

/** Upload (pick or drop) the carrier's cell-site list into the case, and what came of it: loaded, replaced, rejected rows with their reasons. */
export function CellSitesUpload({ caseId }: { caseId: number }) {
  const sites = useCellSites(caseId);
  const { upload, clear } = useCellSitesMutations(caseId);
  const [over, setOver] = useState(false);
  const send = (file: File | undefined) => file && upload.mutate(file);
  const r = upload.data;
  return (
    <div className={styles.wrap}>
      <label
        className={`${styles.drop} ${over ? styles.over : ""}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          send(e.dataTransfer.files[0]);
        }}
      >
        <span>
          <strong>Cell-site list</strong> (CSV, TSV or XLSX: cell or site id, latitude, longitude, azimuth): drop it here or <span className={styles.pick}>choose a file</span>
        </span>
        <input
          type="file"
          accept=".csv,.tsv,.txt,.xlsx"
          className={styles.input}
          data-testid="cell-sites-upload"
          disabled={upload.isPending}
          onChange={(e) => {
            send(e.target.files?.[0]);
            e.target.value = "";
          }}
        />
      </label>
      <p className="muted" data-testid="cell-sites-count">
        {sites.data ? `The case's list has ${formatCount(sites.data.count)} entries.` : "…"}
        {sites.data && sites.data.count > 0 && (
          <>
            {" "}
            <button type="button" className="btn btn-small" onClick={() => clear.mutate()} disabled={clear.isPending}>
              Clear the list
            </button>
          </>
        )}
      </p>
      {upload.isPending && <p className="muted">Reading the list…</p>}
      {upload.error && (
        <p className="alert" role="alert" data-testid="cell-sites-result" data-loaded={0}>
          {upload.error.message}
        </p>
      )}
      {r && !upload.isPending && (
        <div className={styles.result} data-testid="cell-sites-result" data-loaded={r.loaded} data-rejected={r.rejectedCount} role="status">
          <p>
            {r.fileName}: loaded {formatCount(r.loaded)} cells{r.replaced ? ` (${formatCount(r.replaced)} replaced)` : ""}, rejected {formatCount(r.rejectedCount)} of{" "}
            {formatCount(r.rows)} rows (header on line {r.headerLine}
            {r.sheet ? `, sheet ${r.sheet}` : ""}).
          </p>
          {r.rejected.length > 0 && (
            <ul className={styles.rejected}>
              {r.rejected.slice(0, 50).map((x) => (
                <li key={x.line}>
                  line {x.line}: {x.reason}
                </li>
              ))}
              {r.rejectedCount > 50 && <li className="muted">… and {formatCount(r.rejectedCount - 50)} more</li>}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
