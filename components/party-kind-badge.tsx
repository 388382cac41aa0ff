import type { PartyKind } from "@/lib/schemas/fields";
import { partyKindLong, partyKindShort } from "@/lib/client/party-kinds";
import styles from "./party-kind-badge.module.css";

/**
 * What a party is when it is not a plain phone number (an extension, 911, a withheld caller…):
 * a small pill with the short name, the long one in its title. `data-kind` carries the value.
 */
export function PartyKindBadge({ kind }: { kind: PartyKind }) {
  return (
    <span className={`${styles.badge} ${styles[kind] ?? ""}`} title={partyKindLong(kind)} data-testid="party-kind" data-kind={kind}>
      {partyKindShort(kind)}
    </span>
  );
}
