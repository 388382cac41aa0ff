import Link from "next/link";
import styles from "./not-found-notice.module.css";

const TEXT = {
  case: { title: "Case not found", message: "There is no such case." },
  job: { title: "Job not found", message: "There is no such job." },
} as const;

/**
 * What a URL naming a case or job the user may not see shows: the same words whether it does not
 * exist or belongs to a case they are not a member of, exactly as the API answers.
 */
export function NotFoundNotice({ kind }: { kind: keyof typeof TEXT }) {
  const t = TEXT[kind];
  return (
    <section className={`card ${styles.notFound}`} data-testid="not-found" aria-labelledby="not-found-title">
      <h1 id="not-found-title">{t.title}</h1>
      <p className={styles.message}>{t.message}</p>
      <p className="muted">
        It may have been deleted, or it belongs to a case you are not a member of. If a colleague sent you this link, ask them to add you to their case: it then appears in your
        case switcher.
      </p>
      <div className="row-actions">
        <Link href="/cases" className="btn btn-primary">
          Your cases
        </Link>
        <Link href="/" className="btn">
          Upload page
        </Link>
      </div>
    </section>
  );
}
