"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { hasRole } from "@/lib/auth/roles";
import { useSession } from "@/lib/client/use-session";
import { LiveIndicator } from "./live-indicator";
import { NAV_ITEMS } from "./nav-items";
import { UserMenu } from "./user-menu";
import styles from "./app-header.module.css";

export function AppHeader() {
  const pathname = usePathname() ?? "/";
  const user = useSession().data?.user ?? null;
  const items = user ? NAV_ITEMS.filter((i) => hasRole(user, i.role)) : [];
  return (
    <header className={styles.header}>
      <div className={styles.inner}>
        <Link href="/" className={styles.brand}>
          <svg aria-hidden="true" width="22" height="22" viewBox="0 0 24 24" className={styles.logo}>
            <path d="M3 7h9l4 5h5M3 17h9l4-5" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          Switchyard
        </Link>
        <nav aria-label="Main" className={styles.nav}>
          {items.map((item) => {
            const active = item.match(pathname);
            return (
              <Link
                key={item.href}
                href={item.href}
                className={active ? `${styles.link} ${styles.active}` : styles.link}
                aria-current={active ? "page" : undefined}
              >
                {item.label}
              </Link>
            );
          })}
        </nav>
        {/* The socket needs the session cookie: connecting before sign-in would be refused for good. */}
        {user && <LiveIndicator />}
        {user && <UserMenu user={user} />}
      </div>
    </header>
  );
}
