"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { analyticsApi } from "@/lib/client/analytics-api";
import { hrefWithCase } from "@/lib/client/case-url";
import { formatCount, formatDateTime } from "@/lib/client/format";
import { asPartyKind } from "@/lib/client/party-kinds";
import { queryKeys } from "@/lib/client/query-keys";
import type { CommonContact } from "@/lib/schemas/analytics";
import { PartyKindBadge } from "./party-kind-badge";
import styles from "./common-contacts.module.css";

const MIN_TARGETS = 2;
const LIMIT = 100;

/**
 * Common contacts (issue 21): the numbers two or more targets of the case talk to, the most shared
 * first, each target's events with it and its first and last contact; the number opens the case's
 * records with that party.
 */
export function CommonContacts({ caseId }: { caseId: number }) {
  const { data, error, isPending } = useQuery({
    queryKey: queryKeys.contacts.common(caseId, MIN_TARGETS, LIMIT),
    queryFn: () => analyticsApi.commonContacts(caseId, { minTargets: MIN_TARGETS, limit: LIMIT }),
  });
  const contacts = data?.contacts ?? [];
  return (
    <section className="card" aria-labelledby="common-contacts-title" data-testid="common-contacts">
      <div className="card-header">
        <h2 id="common-contacts-title">Common contacts{data && <span className="muted"> · {contacts.length === LIMIT ? `top ${LIMIT}` : contacts.length}</span>}</h2>
        <span className="muted">Numbers that two or more targets talk to</span>
      </div>
      {error ? (
        <p className="card-body alert" role="alert">
          {error.message}
        </p>
      ) : isPending ? (
        <p className="card-body muted">Loading common contacts…</p>
      ) : contacts.length === 0 ? (
        <p className="empty-note muted">No number is shared by two or more targets of this case.</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Number</th>
                <th scope="col" className="num">
                  Targets
                </th>
                <th scope="col" className="num">
                  Events
                </th>
                <th scope="col">Per target: events, first – last contact</th>
              </tr>
            </thead>
            <tbody>
              {contacts.map((c) => (
                <CommonContactRow key={c.number} caseId={caseId} contact={c} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function CommonContactRow({ caseId, contact: c }: { caseId: number; contact: CommonContact }) {
  const kind = asPartyKind(c.kind) ?? "e164";
  return (
    <tr data-testid="common-contact-row" data-number={c.number} data-targets={c.targets.length} data-events={c.events}>
      <td className={styles.number}>
        {/* The records' number search finds spelled parties (a SIP address, "Restricted") as written, numbers by their digits. */}
        <Link href={hrefWithCase("/records", caseId, { number: c.number })} className="mono" title="The case's records with this number">
          {c.number}
        </Link>
        {kind !== "e164" && (
          <>
            {" "}
            <PartyKindBadge kind={kind} />
          </>
        )}
      </td>
      <td className="num">{formatCount(c.targets.length)}</td>
      <td className="num">{formatCount(c.events)}</td>
      <td>
        <ul className={styles.targets}>
          {c.targets.map((t) => (
            <li key={t.target} data-testid="common-contact-target" data-target={t.target}>
              <span className="mono">{t.target}</span> <span className={styles.events}>{formatCount(t.events)}</span>{" "}
              <span className="muted">
                {formatDateTime(t.first)} – {formatDateTime(t.last)}
              </span>
            </li>
          ))}
        </ul>
      </td>
    </tr>
  );
}
