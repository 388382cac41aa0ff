import type { JobCounts } from "@/lib/schemas/job";
import { formatCount } from "@/lib/client/format";
import styles from "./count-tiles.module.css";

const TILES = [
  { key: "rows", label: "Rows read", hint: "Data rows found in the file" },
  { key: "inserted", label: "Inserted", hint: "New records added" },
  { key: "duplicates", label: "Duplicates", hint: "Already loaded or repeated in the file" },
  { key: "rejected", label: "Rejected", hint: "Rows sent to the error table" },
] as const;

/**
 * The job's four headline numbers; they update live while the job runs. A file waiting for review
 * has read nothing yet: its tiles say "—", not 0.
 */
export function CountTiles({ counts, notRead = false }: { counts: JobCounts; notRead?: boolean }) {
  return (
    <dl className={styles.tiles}>
      {TILES.map((t) => (
        <div key={t.key} className={`card ${styles.tile} ${styles[t.key]} ${t.key === "rejected" && counts.rejected > 0 ? styles.bad : ""}`}>
          <dt className={styles.label}>{t.label}</dt>
          <dd className={styles.value} data-testid={`tile-${t.key}`} data-value={counts[t.key]}>
            {notRead ? "—" : formatCount(counts[t.key])}
          </dd>
          <dd className={styles.hint}>{notRead ? "Nothing is read before the mapping is confirmed" : t.hint}</dd>
        </div>
      ))}
    </dl>
  );
}
