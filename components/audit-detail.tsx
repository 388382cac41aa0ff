import Link from "next/link";
import type { AuditEventDto } from "@/lib/schemas/responses";
import styles from "./audit-log.module.css";

const SUBJECT_WORDS: Record<string, string> = {
  job: "File",
  case: "Case",
  user: "User",
  template: "Template",
  privacy_rule: "Privacy rule",
  api_token: "API token",
  records: "Records",
  errors: "Errors",
};
const KEY_WORDS: Record<string, string> = {
  viaToken: "via API token",
  passwordChanged: "password changed",
  sizeBytes: "size",
  caseId: "case",
  caseIds: "cases",
  expiresAt: "expires",
  fileName: "file",
  throttled: "throttled",
  address: "from address",
};

/** Where a subject that still exists has a page: its job, its case, the users list (admins read the log). */
function subjectPage(type: string, id: string): string | null {
  if (type === "job") return `/jobs/${encodeURIComponent(id)}`;
  if (type === "case") return `/cases/${encodeURIComponent(id)}`;
  if (type === "user") return "/users";
  if (type === "template") return "/templates";
  return null;
}

/** The subject in words: what it is, its name when known, a link where there is a page. */
export function AuditSubject({ e }: { e: AuditEventDto }) {
  if (!e.subjectType) return <>—</>;
  const word = SUBJECT_WORDS[e.subjectType] ?? e.subjectType;
  const name = e.subjectLabel ?? (e.subjectId && e.subjectId.length > 12 ? `${e.subjectId.slice(0, 8)}…` : e.subjectId) ?? "";
  const href = e.subjectId && e.subjectLabel ? subjectPage(e.subjectType, e.subjectId) : null;
  return (
    <span title={e.subjectId ?? undefined}>
      <span className="muted">{word}</span> {href ? <Link href={href}>{name}</Link> : name}
    </span>
  );
}

/** The stored detail (JSON) as short "key: value" lines; anything that is not an object as text. */
export function AuditDetail({ detail }: { detail: string | null }) {
  if (!detail) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(detail);
  } catch {
    return <span className="raw">{detail}</span>;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return <span className="raw">{String(detail)}</span>;
  const entries = Object.entries(parsed as Record<string, unknown>).filter(([, v]) => v !== undefined && v !== null && v !== "" && v !== false);
  if (entries.length === 0) return null;
  return (
    <dl className={styles.detail}>
      {entries.map(([k, v]) => (
        <div key={k}>
          <dt>{KEY_WORDS[k] ?? k}</dt>
          <dd>{show(k, v)}</dd>
        </div>
      ))}
    </dl>
  );
}

function show(key: string, v: unknown): string {
  if (v === true) return "yes";
  if (key === "sizeBytes" && typeof v === "number") return `${v.toLocaleString("en-US")} bytes`;
  if (key === "sha256" && typeof v === "string") return `${v.slice(0, 12)}…`;
  if (typeof v === "number") return v.toLocaleString("en-US");
  if (typeof v === "string") return v;
  if (Array.isArray(v) && v.every((x) => typeof x !== "object")) return v.join(", ");
  return JSON.stringify(v);
}
