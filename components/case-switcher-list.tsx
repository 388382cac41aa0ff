"use client";

import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import type { CaseDto } from "@/lib/schemas/case";
import { formatCount } from "@/lib/client/format";
import styles from "./case-switcher.module.css";

/** Past this many cases the list gets a filter box. */
const FILTER_FROM = 7;

/**
 * The cases to pick from, the current one first checked; arrow keys move between them. Each shows
 * what is in it, so the analyst picks the right investigation without opening it.
 */
export function CaseSwitcherList({ cases, currentId, onPick }: { cases: readonly CaseDto[]; currentId: number | null; onPick: (caseId: number) => void }) {
  const [filter, setFilter] = useState("");
  const list = useRef<HTMLUListElement>(null);
  const needle = filter.trim().toLowerCase();
  const shown = needle ? cases.filter((c) => c.name.toLowerCase().includes(needle) || (c.description ?? "").toLowerCase().includes(needle)) : cases;

  // Opening puts focus on the current case (or the filter, when there is one).
  useEffect(() => {
    const el = list.current?.parentElement?.querySelector<HTMLElement>(cases.length >= FILTER_FROM ? "input" : '[aria-current="true"], button');
    el?.focus();
    // Only on open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    const items = Array.from(list.current?.querySelectorAll<HTMLButtonElement>("button") ?? []);
    if (items.length === 0) return;
    e.preventDefault();
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    const next = e.key === "ArrowDown" ? (at + 1) % items.length : (at <= 0 ? items.length : at) - 1;
    items[next]?.focus();
  };

  return (
    <div onKeyDown={onKeyDown}>
      {cases.length >= FILTER_FROM && (
        <div className={styles.filter}>
          <input
            type="search"
            className="input"
            placeholder="Find a case"
            aria-label="Find a case"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            onKeyDown={(e) => {
              // Enter opens the first match: type a few letters, press Enter.
              if (e.key === "Enter" && shown[0]) {
                e.preventDefault();
                onPick(shown[0].id);
              }
            }}
          />
        </div>
      )}
      <ul className={styles.list} ref={list}>
        {shown.map((c) => (
          <li key={c.id}>
            <button
              type="button"
              className={styles.option}
              aria-current={c.id === currentId ? "true" : undefined}
              onClick={() => onPick(c.id)}
              data-testid="case-option"
              data-case-id={c.id}
            >
              <span className={styles.check} aria-hidden="true">
                {c.id === currentId ? "✓" : ""}
              </span>
              <span className={styles.optionText}>
                <span className={styles.optionName}>{c.name}</span>
                <span className={styles.optionMeta}>
                  {formatCount(c.counts.records)} records · {formatCount(c.counts.jobs)} {c.counts.jobs === 1 ? "file" : "files"} · {c.myRole ?? "admin"}
                </span>
              </span>
            </button>
          </li>
        ))}
        {shown.length === 0 && <li className={styles.none}>No case matches “{filter.trim()}”.</li>}
      </ul>
    </div>
  );
}
