import Link from "next/link";
import { hrefWithCase } from "@/lib/client/case-url";
import type { ContactDto } from "@/lib/schemas/responses";
import { formatCount, formatDateTime } from "@/lib/client/format";

export function ContactsTable({ caseId, contacts }: { caseId: number; contacts: readonly ContactDto[] }) {
  if (contacts.length === 0) return <p className="empty-note muted">No contacts for this target.</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Number</th>
            <th scope="col" className="num">Calls</th>
            <th scope="col" className="num">Messages</th>
            <th scope="col">First seen</th>
            <th scope="col">Last seen</th>
          </tr>
        </thead>
        <tbody>
          {contacts.map((c) => (
            <tr key={c.id} data-testid="contact-row">
              <td><Link href={hrefWithCase("/records", caseId, { number: c.number })} className="mono">{c.number}</Link></td>
              <td className="num">{formatCount(c.calls)}</td>
              <td className="num">{formatCount(c.messages)}</td>
              <td>{formatDateTime(c.firstSeen)}</td>
              <td>{formatDateTime(c.lastSeen)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
