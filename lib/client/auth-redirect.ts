/**
 * A 401 anywhere means the session is gone (expired, signed out elsewhere, role changed):
 * send the person to the sign-in page with a way back. A full navigation, so the socket and
 * every cache start over under the new session.
 */
export function redirectToSignIn(): void {
  if (typeof window === "undefined") return;
  const here = window.location.pathname + window.location.search;
  if (window.location.pathname === "/sign-in") return;
  window.location.assign(`/sign-in?next=${encodeURIComponent(here)}`);
}

// Where to go after sign-in is decided by lib/auth/safe-next.ts (resolved against the origin).
