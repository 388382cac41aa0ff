"use client";

import type { ReactNode } from "react";
import type { Role } from "@/lib/auth/roles";
import { useHasRole } from "@/lib/client/use-session";

/** A page section only for a role; others get a plain sentence (the API refuses them anyway). */
export function RequireRole({ role, children }: { role: Role; children: ReactNode }) {
  const allowed = useHasRole(role);
  if (!allowed) {
    return (
      <p className="alert alert-warn" role="alert" data-testid="forbidden">
        This page needs the {role} role.
      </p>
    );
  }
  return <>{children}</>;
}
