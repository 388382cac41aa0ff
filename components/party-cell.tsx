import { asPartyKind } from "@/lib/client/party-kinds";
import { PartyKindBadge } from "./party-kind-badge";
import styles from "./party-cell.module.css";

interface Props {
  /** The E.164 form (or what a privacy mask left of it); null when the party is no phone number. */
  value: string | null;
  kind: string | null;
  /** The value as the file wrote it. */
  raw: string | null;
}

/**
 * One party of a call: its E.164 form when it has one, else the value as written with a badge
 * saying what it is (Extension, Service, Withheld, SIP…); "—" when the file gave nothing.
 */
export function PartyCell({ value, kind, raw }: Props) {
  const known = asPartyKind(kind);
  if (value !== null) return <span className={styles.number}>{value}</span>;
  if (raw === null && known === null) return <span className="muted">—</span>;
  return (
    <span className={styles.party} data-kind={known ?? undefined}>
      {raw !== null && (
        <span className={styles.raw} title={raw}>
          {raw}
        </span>
      )}
      {known !== null && known !== "e164" && <PartyKindBadge kind={known} />}
    </span>
  );
}
