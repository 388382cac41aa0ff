import type { JobCounts } from "@/lib/schemas/job";
import { formatCount } from "@/lib/client/format";
import styles from "./job-counts-inline.module.css";

const ITEMS = [
  ["rows", "Rows"],
  ["inserted", "Inserted"],
  ["duplicates", "Duplicates"],
  ["rejected", "Rejected"],
] as const;

/** The four counts in one compact row; each value carries `data-testid="count-<name>"` and its raw number. */
export function JobCountsInline({ counts }: { counts: JobCounts }) {
  return (
    <dl className={styles.counts}>
      {ITEMS.map(([key, label]) => (
        <div key={key} className={`${styles.item} ${key === "rejected" && counts.rejected > 0 ? styles.bad : ""}`}>
          <dt>{label}</dt>
          <dd data-testid={`count-${key}`} data-value={counts[key]}>
            {formatCount(counts[key])}
          </dd>
        </div>
      ))}
    </dl>
  );
}
