"use client";

import { useSearchParams } from "next/navigation";
import { useEffect } from "react";
import { safeNext } from "@/lib/auth/safe-next";
import { useSession } from "@/lib/client/use-session";
import { SetupForm } from "./setup-form";
import { SignInForm } from "./sign-in-form";
import styles from "./sign-in-view.module.css";

/** Sign-in, or the one-time first-admin setup while the database has no user. */
export function SignInView() {
  const rawNext = useSearchParams().get("next");
  // Resolved against this page's origin when used (never on the server): only same-origin paths.
  const next = () => safeNext(rawNext, window.location.origin);
  const { data, error, isPending } = useSession();
  // Already signed in (e.g. the back button): go on.
  useEffect(() => {
    if (data?.user) window.location.replace(safeNext(rawNext, window.location.origin));
  }, [data?.user, rawNext]);

  // A full navigation so the socket connects with the new cookie and no cache of the old session remains.
  const done = () => window.location.assign(next());
  return (
    <div className={styles.wrap}>
      <section className={`card ${styles.card}`} aria-labelledby="sign-in-title">
        {isPending ? (
          <p className="card-body muted">Loading…</p>
        ) : error ? (
          <p className="card-body alert" role="alert">
            Could not reach the server: {error.message}
          </p>
        ) : data.setupRequired ? (
          <SetupForm onDone={done} />
        ) : (
          <SignInForm onDone={done} />
        )}
      </section>
    </div>
  );
}
