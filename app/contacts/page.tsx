import type { Metadata } from "next";
import { ActiveCaseName } from "@/components/active-case-name";
import { ContactsView } from "@/components/contacts-view";
import { RequireCase } from "@/components/require-case";

export const metadata: Metadata = { title: "Contacts" };

export default function ContactsPage() {
  return (
    <RequireCase>
      <div className="page-header">
        <div>
          <h1>Contacts</h1>
          <p className="muted">Per target of <ActiveCaseName />: who it talks to, how often, when — and the silences in its timeline.</p>
        </div>
      </div>
      <ContactsView />
    </RequireCase>
  );
}
