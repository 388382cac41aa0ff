import type { ContactDto } from "@/lib/schemas/responses";
import styles from "./contact-graph.module.css";

const SIZE = 560;
const C = SIZE / 2;
const R = SIZE / 2 - 130;

/**
 * The target in the centre, its strongest contacts on a circle around it; an edge's width is
 * calls + messages. A circle layout needs no physics and reads the same every time.
 */
export function ContactGraph({ target, contacts }: { target: string; contacts: readonly ContactDto[] }) {
  if (contacts.length === 0) return <p className="muted">No contacts to draw.</p>;
  const max = Math.max(1, ...contacts.map((c) => c.calls + c.messages));
  const nodes = contacts.map((c, i) => {
    const a = (2 * Math.PI * i) / contacts.length - Math.PI / 2;
    return { c, x: C + R * Math.cos(a), y: C + R * Math.sin(a), weight: c.calls + c.messages, right: Math.cos(a) >= 0 };
  });
  return (
    <svg viewBox={`0 0 ${SIZE} ${SIZE}`} className={styles.svg} role="img" aria-label={`${target} and its ${contacts.length} strongest contacts`} data-testid="contact-graph">
      {nodes.map((n) => (
        <line key={`e${n.c.id}`} x1={C} y1={C} x2={n.x} y2={n.y} strokeWidth={1 + (9 * n.weight) / max} className={styles.edge} data-testid="graph-edge">
          <title>{`${target} ↔ ${n.c.number}: ${n.c.calls} calls, ${n.c.messages} messages`}</title>
        </line>
      ))}
      {nodes.map((n) => (
        <g key={`n${n.c.id}`}>
          <circle cx={n.x} cy={n.y} r={6} className={styles.node} />
          <text x={n.x + (n.right ? 9 : -9)} y={n.y + 4} textAnchor={n.right ? "start" : "end"} className={styles.label}>
            {n.c.number} ({n.weight})
          </text>
        </g>
      ))}
      <circle cx={C} cy={C} r={11} className={styles.target} />
      <text x={C} y={C + 26} textAnchor="middle" className={styles.targetLabel}>{target}</text>
    </svg>
  );
}
