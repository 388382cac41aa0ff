import Link from "next/link";
import { hrefWithCase } from "@/lib/client/case-url";
import type { ContactDto } from "@/lib/schemas/responses";
import { formatCount, formatDateTime } from "@/lib/client/format";
import { asPartyKind } from "@/lib/client/party-kinds";
import { PartyKindBadge } from "./party-kind-badge";
import styles from "./contacts-table.module.css";

/** A target's contacts: each one's number (or the value as written) and kind, how often, first and last seen. */
export function ContactsTable({ caseId, contacts }: { caseId: number; contacts: readonly ContactDto[] }) {
  if (contacts.length === 0) return <p className="empty-note muted">No contacts for this target.</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Number</th>
            <th scope="col">Kind</th>
            <th scope="col" className="num">Calls</th>
            <th scope="col" className="num">Messages</th>
            <th scope="col">First seen</th>
            <th scope="col">Last seen</th>
          </tr>
        </thead>
        <tbody>
          {contacts.map((c) => {
            // Contacts counted before party kinds existed have none: they were all phone numbers.
            const kind = asPartyKind(c.kind) ?? "e164";
            return (
              <tr key={c.id} data-testid="contact-row" data-kind={kind}>
                <td className={styles.number}>
                  {/* The records' number search finds spelled parties (a SIP address, "Restricted") as written, numbers by their digits. */}
                  <Link href={hrefWithCase("/records", caseId, { number: c.number })} className="mono" title="The records with this contact">{c.number}</Link>
                </td>
                <td>{kind === "e164" ? <span className="muted">Phone</span> : <PartyKindBadge kind={kind} />}</td>
                <td className="num">{formatCount(c.calls)}</td>
                <td className="num">{formatCount(c.messages)}</td>
                <td>{formatDateTime(c.firstSeen)}</td>
                <td>{formatDateTime(c.lastSeen)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
