"use client";

import { useSocketStatus } from "@/lib/client/use-socket-status";
import styles from "./live-indicator.module.css";

const LABELS = { connected: "Live", connecting: "Connecting…", disconnected: "Offline" } as const;

/** Tells the analyst whether progress on screen is live or may be stale. */
export function LiveIndicator() {
  const status = useSocketStatus();
  return (
    <span className={`${styles.pill} ${styles[status]}`} role="status" title="Live updates connection">
      <span className={styles.dot} aria-hidden="true" />
      <span className={styles.label}>{LABELS[status]}</span>
    </span>
  );
}
