import styles from "./review-reasons.module.css";

/** Why the engine stopped and asked a person before loading. */
export function ReviewReasons({ reasons }: { reasons: readonly string[] }) {
  return (
    <section className={styles.box} aria-labelledby="review-title">
      <h2 id="review-title">This file needs a reviewer</h2>
      <p>The mapping was not certain enough to load automatically. Nothing has been loaded yet.</p>
      {reasons.length > 0 && (
        <ul>
          {reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
