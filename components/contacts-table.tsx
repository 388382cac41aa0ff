import Link from "next/link";
import { hrefWithCase } from "@/lib/client/case-url";
import type { ContactDto } from "@/lib/schemas/responses";
import { formatCount, formatDateTime } from "@/lib/client/format";
import { asPartyKind } from "@/lib/client/party-kinds";
import { DataTable, type Column } from "./data-table";
import { PartyKindBadge } from "./party-kind-badge";
import styles from "./contacts-table.module.css";

// Contacts counted before party kinds existed have none: they were all phone numbers.
const kindOf = (c: ContactDto) => asPartyKind(c.kind) ?? "e164";

/** A target's contacts: each one's number (or the value as written) and kind, how often, first and last seen. */
export function ContactsTable({ caseId, contacts }: { caseId: number; contacts: readonly ContactDto[] }) {
  const columns: Column<ContactDto>[] = [
    {
      key: "number",
      header: "Number",
      className: styles.number,
      // The records' number search finds spelled parties (a SIP address, "Restricted") as written, numbers by their digits.
      cell: (c) => (
        <Link href={hrefWithCase("/records", caseId, { number: c.number })} className="mono" title="The records with this contact">
          {c.number}
        </Link>
      ),
    },
    {
      key: "kind",
      header: "Kind",
      cell: (c) => {
        const kind = kindOf(c);
        return kind === "e164" ? <span className="muted">Phone</span> : <PartyKindBadge kind={kind} />;
      },
    },
    { key: "calls", header: "Calls", numeric: true, cell: (c) => formatCount(c.calls) },
    { key: "messages", header: "Messages", numeric: true, cell: (c) => formatCount(c.messages) },
    { key: "first", header: "First seen", cell: (c) => formatDateTime(c.firstSeen) },
    { key: "last", header: "Last seen", cell: (c) => formatDateTime(c.lastSeen) },
  ];
  return (
    <DataTable
      columns={columns}
      rows={contacts}
      rowKey={(c) => c.id}
      rowProps={(c) => ({ "data-testid": "contact-row", "data-kind": kindOf(c) })}
      empty="No contacts for this target."
    />
  );
}
