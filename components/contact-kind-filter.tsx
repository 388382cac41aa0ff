import { useId } from "react";
import { PARTY_KINDS, type PartyKind } from "@/lib/schemas/fields";
import { formatCount } from "@/lib/client/format";
import { partyKindLong, partyKindShort } from "@/lib/client/party-kinds";
import styles from "./contact-kind-filter.module.css";

interface Props {
  /** How many of the target's contacts are of each kind (GET /api/contacts `kinds`). */
  kinds: Readonly<Record<string, number>>;
  value: PartyKind | null;
  onChange: (kind: PartyKind | null) => void;
}

/**
 * The target's contacts by kind: "All" and one chip per kind it has (phone numbers, extensions,
 * service numbers, withheld callers…), each with its count. A toggle group of buttons.
 */
export function ContactKindFilter({ kinds, value, onChange }: Props) {
  const labelId = useId();
  const all = Object.values(kinds).reduce((sum, n) => sum + n, 0);
  const shown = PARTY_KINDS.filter((k) => (kinds[k] ?? 0) > 0 || k === value);
  const chip = (kind: PartyKind | null, label: string, count: number, title?: string) => (
    <button
      key={kind ?? "all"}
      type="button"
      className={styles.chip}
      aria-pressed={value === kind}
      onClick={() => onChange(kind)}
      title={title}
      data-testid="contact-kind-chip"
      data-kind={kind ?? "all"}
    >
      {label} <span className={styles.count}>{formatCount(count)}</span>
    </button>
  );
  return (
    <div className={`field ${styles.field}`} role="group" aria-labelledby={labelId}>
      <span id={labelId}>Kind</span>
      <div className={styles.chips}>
        {chip(null, "All", all)}
        {shown.map((k) => chip(k, partyKindShort(k), kinds[k] ?? 0, partyKindLong(k)))}
      </div>
    </div>
  );
}
