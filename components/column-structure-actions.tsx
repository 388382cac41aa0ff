"use client";

import { useState } from "react";
import type { ColumnTransform } from "@/lib/schemas/mapping";
import styles from "./mapping-structure.module.css";

interface Props {
  index: number;
  /** The last column has no next one to merge with. */
  last: boolean;
  onEdit: (t: ColumnTransform) => void;
}

/** A column's structure actions (issue 18): split it at a character position or a separator, or merge it with the next one. */
export function ColumnStructureActions({ index, last, onEdit }: Props) {
  const [open, setOpen] = useState<"split" | "merge" | null>(null);
  const [by, setBy] = useState<"separator" | "at">("separator");
  const [separator, setSeparator] = useState("");
  const [at, setAt] = useState("10");
  const [joiner, setJoiner] = useState(" ");
  const n = index + 1;
  const position = Number.parseInt(at, 10);
  const canSplit = by === "separator" ? separator.length > 0 : Number.isInteger(position) && position >= 1;
  const done = (t: ColumnTransform) => {
    onEdit(t);
    setOpen(null);
  };
  return (
    <div>
      <div className={styles.actions}>
        <button type="button" className={styles.link} aria-expanded={open === "split"} aria-label={`Split column ${n}…`} onClick={() => setOpen(open === "split" ? null : "split")}>
          Split…
        </button>
        {!last && (
          <button
            type="button"
            className={styles.link}
            aria-expanded={open === "merge"}
            aria-label={`Merge column ${n} with next`}
            onClick={() => setOpen(open === "merge" ? null : "merge")}
          >
            Merge with next
          </button>
        )}
      </div>
      {open === "split" && (
        <form
          className={styles.inline}
          aria-label={`Split column ${n}`}
          onSubmit={(e) => {
            e.preventDefault();
            if (canSplit) done(by === "separator" ? { op: "split", column: index, separator } : { op: "split", column: index, at: position });
          }}
        >
          <label className="field">
            <span>Split at</span>
            <select className="input" value={by} onChange={(e) => setBy(e.target.value === "at" ? "at" : "separator")} aria-label={`Split column ${n} at`}>
              <option value="separator">a separator</option>
              <option value="at">a character position</option>
            </select>
          </label>
          {by === "separator" ? (
            <label className="field">
              <span>Separator</span>
              <input type="text" className="input" value={separator} maxLength={20} onChange={(e) => setSeparator(e.target.value)} aria-label={`Separator for column ${n}`} />
            </label>
          ) : (
            <label className="field">
              <span>After character</span>
              <input type="number" className="input" min={1} value={at} onChange={(e) => setAt(e.target.value)} aria-label={`Character position for column ${n}`} />
            </label>
          )}
          <button type="submit" className="btn btn-small" disabled={!canSplit}>
            Split
          </button>
        </form>
      )}
      {open === "merge" && (
        <form
          className={styles.inline}
          aria-label={`Merge column ${n} with column ${n + 1}`}
          onSubmit={(e) => {
            e.preventDefault();
            done({ op: "merge", columns: [index, index + 1], separator: joiner });
          }}
        >
          <label className="field">
            <span>Join with</span>
            <input
              type="text"
              className="input"
              value={joiner}
              maxLength={20}
              onChange={(e) => setJoiner(e.target.value)}
              aria-label={`Separator to join columns ${n} and ${n + 1}`}
            />
          </label>
          <button type="submit" className="btn btn-small">
            Merge
          </button>
        </form>
      )}
    </div>
  );
}
