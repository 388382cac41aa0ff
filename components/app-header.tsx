"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { LiveIndicator } from "./live-indicator";
import styles from "./app-header.module.css";

const NAV = [
  { href: "/", label: "Upload", match: (p: string) => p === "/" },
  { href: "/jobs", label: "Jobs", match: (p: string) => p.startsWith("/jobs") },
] as const;

export function AppHeader() {
  const pathname = usePathname() ?? "/";
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
          {NAV.map((item) => {
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
        <LiveIndicator />
      </div>
    </header>
  );
}
