"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { hrefWithCase, pathForCase } from "@/lib/client/case-url";
import { useSelectCase } from "@/lib/client/use-cases";
import type { CurrentCase } from "@/lib/client/use-current-case";
import { CaseSwitcherList } from "./case-switcher-list";
import styles from "./case-switcher.module.css";

/**
 * The header's case switcher: the current case's name; open it to pick another of your cases
 * (remembered on the server and put in the URL), start a new one, or manage them.
 */
export function CaseSwitcher({ state }: { state: CurrentCase }) {
  const router = useRouter();
  const pathname = usePathname() ?? "/";
  const select = useSelectCase();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  // Click or focus outside closes it.
  useEffect(() => {
    if (!open) return;
    const away = (e: Event) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", away);
    document.addEventListener("focusin", away);
    return () => {
      document.removeEventListener("pointerdown", away);
      document.removeEventListener("focusin", away);
    };
  }, [open]);
  // Navigating closes it.
  useEffect(() => setOpen(false), [pathname]);

  if (state.status === "loading") {
    return (
      <span className={`${styles.switcher} ${styles.placeholder}`} aria-busy="true">
        Loading cases…
      </span>
    );
  }
  if (state.status === "error") {
    return (
      <span className={`${styles.switcher} ${styles.placeholder}`} title={state.error.message}>
        Cases unavailable
      </span>
    );
  }
  if (state.status === "none") {
    return (
      <Link href="/cases#new-case" className={`btn btn-small btn-primary ${styles.create}`} data-testid="case-switcher-create">
        Create your first case
      </Link>
    );
  }

  const currentId = state.status === "ready" ? state.caseId : null;
  const pick = (caseId: number) => {
    setOpen(false);
    if (caseId === currentId) return;
    select.mutate(caseId);
    router.push(pathForCase(pathname, caseId));
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Escape" && open) {
      e.stopPropagation();
      setOpen(false);
      button.current?.focus();
    }
  };

  return (
    <div className={styles.root} ref={root} onKeyDown={onKeyDown}>
      <button
        ref={button}
        type="button"
        className={styles.switcher}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
        data-testid="case-switcher"
        data-case-id={currentId ?? undefined}
      >
        <span className={styles.label}>Case</span>
        <span className={styles.name} data-testid="case-switcher-name" title={state.status === "ready" ? state.current.name : undefined}>
          {state.status === "ready" ? state.current.name : "Choose a case"}
        </span>
        <svg aria-hidden="true" width="12" height="12" viewBox="0 0 12 12" className={styles.chevron}>
          <path d="M2.5 4.5 6 8l3.5-3.5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
      {open && (
        <div id={panelId} className={styles.panel} role="region" aria-label="Your cases" data-testid="case-switcher-panel">
          <CaseSwitcherList cases={state.cases} currentId={currentId} onPick={pick} />
          <div className={styles.footer}>
            <Link href={hrefWithCase("/cases", currentId)} className={styles.footerLink} onClick={() => setOpen(false)}>
              Manage cases…
            </Link>
            <Link href={hrefWithCase("/cases#new-case", currentId)} className={styles.footerLink} onClick={() => setOpen(false)}>
              New case
            </Link>
          </div>
        </div>
      )}
    </div>
  );
}
