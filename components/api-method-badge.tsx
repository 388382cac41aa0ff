import styles from "./api-method-badge.module.css";

/** GET, POST, PATCH, PUT or DELETE as a coloured badge. */
export function ApiMethodBadge({ method }: { method: string }) {
  const m = method.toLowerCase();
  return <span className={`${styles.badge} ${styles[m] ?? ""}`}>{m.toUpperCase()}</span>;
}
