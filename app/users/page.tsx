import type { Metadata } from "next";
import { UsersAdmin } from "@/components/users-admin";
import { RequireRole } from "@/components/require-role";

export const metadata: Metadata = { title: "Users" };

export default function Page() {
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Users</h1>
          <p className="muted">Who may sign in, and with which role.</p>
        </div>
      </div>
      <RequireRole role="admin">
        <UsersAdmin />
      </RequireRole>
    </>
  );
}
