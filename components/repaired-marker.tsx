import { REPAIRED_EXPLANATION } from "@/lib/client/party-kinds";
import styles from "./repaired-marker.module.css";

/** Marks a record whose number was restored from spreadsheet damage; the title says what that means. */
export function RepairedMarker() {
  return (
    <span className={styles.marker} title={REPAIRED_EXPLANATION} data-testid="repaired-marker">
      <span aria-hidden="true">↺</span> repaired
      <span className="visually-hidden">
        : {REPAIRED_EXPLANATION.charAt(0).toLowerCase()}
        {REPAIRED_EXPLANATION.slice(1)}
      </span>
    </span>
  );
}
