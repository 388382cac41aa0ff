"use client";

import Link from "next/link";
import { useState } from "react";
import type { CaseDto } from "@/lib/schemas/case";
import { caseHref, hrefWithCase } from "@/lib/client/case-url";
import { formatCount, formatDateTime, formatRelative } from "@/lib/client/format";
import { CaseEditForm } from "./case-edit-form";
import styles from "./case-row.module.css";

/** One case: name and description, the user's role, its counts; rename inline, delete through a dialog. */
export function CaseRow({ value: c, current, onDelete }: { value: CaseDto; current: boolean; onDelete: () => void }) {
  const [editing, setEditing] = useState(false);
  if (editing) {
    return (
      <tr data-testid="case-row" data-case-id={c.id}>
        <td colSpan={7}>
          <CaseEditForm value={c} compact onDone={() => setEditing(false)} />
        </td>
      </tr>
    );
  }
  return (
    <tr data-testid="case-row" data-case-id={c.id} className={current ? styles.current : undefined}>
      <td className={styles.name}>
        <Link href={caseHref(c.id)}>{c.name}</Link>
        {current && <span className={styles.badge}>current</span>}
        {c.description && <span className={styles.description} title={c.description}>{c.description}</span>}
      </td>
      <td className={styles.role}>{c.myRole ?? <span className="muted">admin (not a member)</span>}</td>
      <td className="num" data-testid="case-jobs">{formatCount(c.counts.jobs)}</td>
      <td className="num" data-testid="case-records">{formatCount(c.counts.records)}</td>
      <td className="num" data-testid="case-members">{formatCount(c.counts.members)}</td>
      <td className={styles.time}>
        <time dateTime={c.updatedAt} title={formatDateTime(c.updatedAt)}>{formatRelative(c.updatedAt)}</time>
      </td>
      <td>
        <div className="row-actions">
          {!current && (
            <Link href={hrefWithCase("/jobs", c.id)} className="btn btn-small" aria-label={`Work in ${c.name}`}>
              Work in it
            </Link>
          )}
          {c.canManage && (
            <>
              <button type="button" className="btn btn-small" onClick={() => setEditing(true)} aria-label={`Rename ${c.name}`}>Rename</button>
              <button type="button" className="btn btn-small btn-danger" onClick={onDelete} aria-label={`Delete ${c.name}`}>Delete</button>
            </>
          )}
        </div>
      </td>
    </tr>
  );
}
