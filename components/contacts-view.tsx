"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { useActiveCase } from "@/lib/client/active-case";
import { hrefWithCase } from "@/lib/client/case-url";
import { asPartyKind, partyKindShort } from "@/lib/client/party-kinds";
import { useContacts, useTargets } from "@/lib/client/use-contacts";
import type { PartyKind } from "@/lib/schemas/fields";
import { ContactGraph } from "./contact-graph";
import { ContactKindFilter } from "./contact-kind-filter";
import { ContactsTable } from "./contacts-table";
import { Pagination } from "./pagination";
import { PatternHeatmap } from "./pattern-heatmap";
import { TargetDevices } from "./target-devices";
import { TargetTimelineCard } from "./target-timeline-card";

const PAGE_SIZE = 50;

/**
 * Pick a target of the case; see its contacts, its day-by-day timeline with gaps (under the target's threshold) and device changes, its patterns of
 * life (hour × weekday in the case's display time zone), its handsets and SIMs, and its graph.
 * Contacts are grouped by kind (phone numbers, extensions, service numbers, withheld callers…):
 * the chips (`?kind=` in the URL) narrow the table and the graph to one.
 */
export function ContactsView() {
  const current = useActiveCase();
  const router = useRouter();
  const pathname = usePathname();
  const targets = useTargets(current.id);
  const search = useSearchParams();
  const chosen = search.get("target");
  const kind = asPartyKind(search.get("kind"));
  const target = chosen ?? targets.data?.targets[0] ?? null;
  const [page, setPage] = useState(1);
  const contacts = useContacts(current.id, target, page, PAGE_SIZE, kind);
  // The graph wants the strongest links, whatever page the table is on.
  const top = useContacts(current.id, target, 1, 16, kind);
  const setKind = (k: PartyKind | null) => {
    setPage(1);
    router.replace(hrefWithCase(pathname, current.id, { target: target ?? undefined, kind: k ?? undefined }), { scroll: false });
  };

  if (targets.error)
    return (
      <p className="alert" role="alert">
        {targets.error.message}
      </p>
    );
  if (targets.isPending) return <p className="muted">Loading targets…</p>;
  if (!target) return <p className="card empty-note muted">No records loaded into {current.name} yet, so there are no targets.</p>;

  return (
    <div className="stack">
      <div className="filters card">
        <label className="field">
          <span>Target</span>
          <select
            value={target}
            onChange={(e) => {
              setPage(1);
              router.replace(hrefWithCase(pathname, current.id, { target: e.target.value, kind: kind ?? undefined }), { scroll: false });
            }}
          >
            {targets.data.targets.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        {contacts.data && <ContactKindFilter kinds={contacts.data.kinds} value={kind} onChange={setKind} />}
      </div>
      <TargetTimelineCard activeCase={current} target={target} />
      <PatternHeatmap caseId={current.id} target={target} timezone={current.displayTimezone} />
      <TargetDevices caseId={current.id} target={target} />
      <section className="card" aria-labelledby="graph-title">
        <div className="card-header">
          <h2 id="graph-title">Who talks to whom</h2>
          <span className="muted">
            top {top.data?.contacts.length ?? 0} {kind ? `${partyKindShort(kind)} ` : ""}contacts
          </span>
        </div>
        <div className="card-body">{top.data ? <ContactGraph target={target} contacts={top.data.contacts} /> : <p className="muted">{top.error?.message ?? "Loading…"}</p>}</div>
      </section>
      <section className="card" aria-labelledby="contacts-title">
        <div className="card-header">
          <h2 id="contacts-title">Contacts{contacts.data && <span className="muted"> · {contacts.data.total.toLocaleString("en-US")}</span>}</h2>
        </div>
        {contacts.data ? (
          <>
            <ContactsTable caseId={current.id} contacts={contacts.data.contacts} />
            <Pagination page={page} pageSize={PAGE_SIZE} total={contacts.data.total} onPage={setPage} label="Contact pages" />
          </>
        ) : (
          <p className="card-body muted">{contacts.error?.message ?? "Loading…"}</p>
        )}
      </section>
    </div>
  );
}
