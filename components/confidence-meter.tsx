import { REVIEW_THRESHOLD } from "@/lib/schemas/mapping";
import { formatConfidence } from "@/lib/client/format";
import styles from "./confidence-meter.module.css";

/** A confidence in [0,1] as a small bar plus a percentage; below the review threshold it turns amber. */
export function ConfidenceMeter({ value }: { value: number | null }) {
  if (value == null) return <span className="muted">—</span>;
  const low = value < REVIEW_THRESHOLD;
  return (
    <span className={`${styles.meter} ${low ? styles.low : ""}`} title={low ? "Below the review threshold" : undefined}>
      <span className={styles.track} aria-hidden="true">
        <span className={styles.fill} style={{ width: `${Math.round(value * 100)}%` }} />
      </span>
      <span className={styles.value}>{formatConfidence(value)}</span>
      {low && <span className="visually-hidden"> (low confidence)</span>}
    </span>
  );
}
