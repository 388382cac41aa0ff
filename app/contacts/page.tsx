import type { Metadata } from "next";
import { ActiveCaseName } from "@/components/active-case-name";
import { ContactsView } from "@/components/contacts-view";
import { RequireCase } from "@/components/require-case";
import { PageHeader } from "@/components/page-header";

export const metadata: Metadata = { title: "Contacts" };

export default function ContactsPage() {
  return (
    <RequireCase>
      <PageHeader
        title="Contacts"
        description={
          <>
            Per target of <ActiveCaseName />: who it talks to, how often, when — and the silences in its timeline.
          </>
        }
      />
      <ContactsView />
    </RequireCase>
  );
}
