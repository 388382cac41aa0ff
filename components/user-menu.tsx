"use client";

import Link from "next/link";
import { useState } from "react";
import { adminApi } from "@/lib/client/admin-api";
import type { SessionUserDto } from "@/lib/schemas/responses";
import styles from "./app-header.module.css";

/** Who is signed in, with which role, their API tokens (settings), and the way out. */
export function UserMenu({ user }: { user: SessionUserDto }) {
  const [busy, setBusy] = useState(false);
  const signOut = async () => {
    setBusy(true);
    await adminApi.signOut().catch(() => undefined);
    // A full navigation drops the socket and every cached query of this session.
    window.location.assign("/sign-in");
  };
  return (
    <div className={styles.user}>
      <span className={styles.who} data-testid="current-user">
        <span className={styles.name}>{user.name}</span>
        <span className={styles.role} data-testid="current-role">
          {user.role}
        </span>
      </span>
      <Link href="/settings" className="btn btn-small">
        API tokens
      </Link>
      <button type="button" className="btn btn-small" onClick={() => void signOut()} disabled={busy}>
        Sign out
      </button>
    </div>
  );
}
