"use client";

import { usePathname } from "next/navigation";
import { useEffect, type ReactNode } from "react";
import { redirectToSignIn } from "@/lib/client/auth-redirect";
import { useSession } from "@/lib/client/use-session";

const PUBLIC_PATHS = ["/sign-in", "/api-docs"];

/**
 * Renders the page only for a signed-in user; anyone else goes to /sign-in (which then returns
 * them here). The API enforces access on its own: this only spares people a page of 401s.
 */
export function SessionGuard({ children }: { children: ReactNode }) {
  const pathname = usePathname() ?? "/";
  const { data, error, isPending } = useSession();
  const isPublic = PUBLIC_PATHS.includes(pathname);
  const signedOut = !isPending && !error && !data?.user;

  useEffect(() => {
    if (!isPublic && signedOut) redirectToSignIn();
  }, [isPublic, signedOut]);

  if (isPublic) return <>{children}</>;
  if (error)
    return (
      <p className="alert" role="alert">
        Could not reach the server: {error.message}
      </p>
    );
  if (isPending || signedOut)
    return (
      <p className="muted" aria-live="polite">
        Checking your session…
      </p>
    );
  return <>{children}</>;
}
