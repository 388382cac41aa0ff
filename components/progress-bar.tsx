import styles from "./progress-bar.module.css";

interface Props {
  /** 0–100; null draws an indeterminate bar (waiting, size unknown). */
  value: number | null;
  label: string;
  tone?: "accent" | "ok" | "danger" | "warn" | "muted";
  size?: "sm" | "md";
}

export function ProgressBar({ value, label, tone = "accent", size = "md" }: Props) {
  const v = value == null ? null : Math.max(0, Math.min(100, value));
  return (
    <div
      className={`${styles.track} ${styles[size]}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={v == null ? undefined : Math.round(v)}
    >
      <div className={`${styles.fill} ${styles[tone]} ${v == null ? styles.indeterminate : ""}`} style={v == null ? undefined : { width: `${v}%` }} />
    </div>
  );
}
