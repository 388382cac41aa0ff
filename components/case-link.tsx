"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { useActiveCase } from "@/lib/client/active-case";
import { hrefWithCase } from "@/lib/client/case-url";

/** A link to another view of the current case (inside <RequireCase>). */
export function CaseLink({ href, className, children }: { href: string; className?: string; children: ReactNode }) {
  const c = useActiveCase();
  return (
    <Link href={hrefWithCase(href, c.id)} className={className}>
      {children}
    </Link>
  );
}
