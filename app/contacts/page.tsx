import type { Metadata } from "next";
import { Suspense } from "react";
import { ContactsView } from "@/components/contacts-view";

export const metadata: Metadata = { title: "Contacts" };

export default function ContactsPage() {
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Contacts</h1>
          <p className="muted">Per target: who it talks to, how often, when — and the silences in its timeline.</p>
        </div>
      </div>
      <Suspense fallback={<p className="muted">Loading…</p>}>
        <ContactsView />
      </Suspense>
    </>
  );
}
