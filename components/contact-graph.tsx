import type { ContactDto } from "@/lib/schemas/responses";
import { asPartyKind, partyKindLong, partyKindShort } from "@/lib/client/party-kinds";
import styles from "./contact-graph.module.css";

const SIZE = 560;
const C = SIZE / 2;
const R = SIZE / 2 - 130;
/** Longer values (a SIP address) are cut in the label; the edge's title has them whole. */
const LABEL_CHARS = 22;
const short = (s: string) => (s.length > LABEL_CHARS ? `${s.slice(0, LABEL_CHARS - 1)}…` : s);

/**
 * The target in the centre, its strongest contacts on a circle around it; an edge's width is
 * calls + messages. A circle layout needs no physics and reads the same every time. A contact that
 * is no phone number (an extension, 911, a withheld caller) is a hollow dashed node labelled with
 * its kind.
 */
export function ContactGraph({ target, contacts }: { target: string; contacts: readonly ContactDto[] }) {
  if (contacts.length === 0) return <p className="muted">No contacts to draw.</p>;
  const max = Math.max(1, ...contacts.map((c) => c.calls + c.messages));
  const nodes = contacts.map((c, i) => {
    const a = (2 * Math.PI * i) / contacts.length - Math.PI / 2;
    // Contacts counted before party kinds existed have none: they were all phone numbers.
    const kind = asPartyKind(c.kind) ?? "e164";
    return { c, kind, phone: kind === "e164", x: C + R * Math.cos(a), y: C + R * Math.sin(a), weight: c.calls + c.messages, right: Math.cos(a) >= 0 };
  });
  return (
    <svg viewBox={`0 0 ${SIZE} ${SIZE}`} className={styles.svg} role="img" aria-label={`${target} and its ${contacts.length} strongest contacts`} data-testid="contact-graph">
      {nodes.map((n) => (
        <line
          key={`e${n.c.id}`}
          x1={C}
          y1={C}
          x2={n.x}
          y2={n.y}
          strokeWidth={1 + (9 * n.weight) / max}
          className={n.phone ? styles.edge : `${styles.edge} ${styles.otherEdge}`}
          data-testid="graph-edge"
        >
          <title>{`${target} ↔ ${n.c.number}${n.phone ? "" : ` (${partyKindLong(n.kind)})`}: ${n.c.calls} calls, ${n.c.messages} messages`}</title>
        </line>
      ))}
      {nodes.map((n) => (
        <g key={`n${n.c.id}`} data-testid="graph-node" data-kind={n.kind}>
          <circle cx={n.x} cy={n.y} r={6} className={n.phone ? styles.node : `${styles.node} ${styles.otherNode}`} />
          <text x={n.x + (n.right ? 9 : -9)} y={n.y + 4} textAnchor={n.right ? "start" : "end"} className={styles.label}>
            {short(n.c.number)}
            {!n.phone && <tspan className={styles.kind}>{` · ${partyKindShort(n.kind)}`}</tspan>} ({n.weight})
          </text>
        </g>
      ))}
      <circle cx={C} cy={C} r={11} className={styles.target} />
      <text x={C} y={C + 26} textAnchor="middle" className={styles.targetLabel}>
        {target}
      </text>
    </svg>
  );
}
