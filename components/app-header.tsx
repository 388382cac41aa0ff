"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { Suspense } from "react";
import type { SessionUserDto } from "@/lib/schemas/responses";
import { hrefWithCase } from "@/lib/client/case-url";
import { useCasesLive } from "@/lib/client/use-cases-live";
import { useCurrentCase } from "@/lib/client/use-current-case";
import { useSession } from "@/lib/client/use-session";
import { CaseSwitcher } from "./case-switcher";
import { CaseUrlSync } from "./case-url-sync";
import { LiveIndicator } from "./live-indicator";
import { NAV_ITEMS, navItemVisible } from "./nav-items";
import { UserMenu } from "./user-menu";
import styles from "./app-header.module.css";

function Brand() {
  return (
    <Link href="/" className={styles.brand}>
      <svg aria-hidden="true" width="22" height="22" viewBox="0 0 24 24" className={styles.logo}>
        <path d="M3 7h9l4 5h5M3 17h9l4-5" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      Switchyard
    </Link>
  );
}

/**
 * The signed-in header: the brand and the case switcher, who is signed in; below them the
 * navigation, whose every link keeps the current case.
 */
function SignedInBar({ user }: { user: SessionUserDto }) {
  const pathname = usePathname() ?? "/";
  const state = useCurrentCase();
  useCasesLive(true);
  const caseId = state.status === "ready" ? state.caseId : null;
  const myRole = state.status === "ready" ? state.current.myRole : null;
  const items = NAV_ITEMS.filter((i) => navItemVisible(i, user, myRole));
  return (
    <>
      <CaseUrlSync state={state} />
      <div className={styles.caseSlot}>
        <CaseSwitcher state={state} />
      </div>
      {/* A menu on narrow screens (CSS shows the nav inline on wide ones); keyed by path so it closes after navigating. */}
      <details key={pathname} className={styles.menu}>
        <summary className={styles.menuButton}>Menu</summary>
        <nav aria-label="Main" className={styles.nav}>
          {items.map((item) => {
            const active = item.match(pathname);
            return (
              <Link
                key={item.href}
                href={hrefWithCase(item.href, caseId)}
                className={active ? `${styles.link} ${styles.active}` : styles.link}
                aria-current={active ? "page" : undefined}
              >
                {item.label}
              </Link>
            );
          })}
        </nav>
      </details>
      <div className={styles.end}>
        {/* The socket needs the session cookie: connecting before sign-in would be refused for good. */}
        <LiveIndicator />
        <UserMenu user={user} />
      </div>
    </>
  );
}

export function AppHeader() {
  const user = useSession().data?.user ?? null;
  return (
    <header className={styles.header}>
      <div className={styles.inner}>
        <Brand />
        {/* The switcher reads ?case= (useSearchParams), which needs a Suspense boundary. */}
        {user && (
          <Suspense fallback={<nav aria-label="Main" className={styles.nav} />}>
            <SignedInBar user={user} />
          </Suspense>
        )}
      </div>
    </header>
  );
}
