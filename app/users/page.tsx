import type { Metadata } from "next";
import { UsersAdmin } from "@/components/users-admin";
import { RequireRole } from "@/components/require-role";
import { PageHeader } from "@/components/page-header";

export const metadata: Metadata = { title: "Users" };

export default function Page() {
  return (
    <>
      <PageHeader title="Users" description="Who may sign in, and with which role." />
      <RequireRole role="admin">
        <UsersAdmin />
      </RequireRole>
    </>
  );
}
