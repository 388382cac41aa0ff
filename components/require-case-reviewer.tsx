"use client";

import type { ReactNode } from "react";
import { useActiveCase } from "@/lib/client/active-case";
import { canReviewIn } from "@/lib/client/case-permissions";
import { useSession } from "@/lib/client/use-session";

/** A section for those who may confirm mappings in the current case; others get a plain sentence. */
export function RequireCaseReviewer({ children }: { children: ReactNode }) {
  const c = useActiveCase();
  const user = useSession().data?.user;
  if (!user || !canReviewIn(user, c)) {
    return (
      <p className="alert alert-warn" role="alert" data-testid="forbidden">
        Reviewing mappings in {c.name} needs the reviewer role, in the case or overall. The case’s creator can make you one of its reviewers.
      </p>
    );
  }
  return <>{children}</>;
}
