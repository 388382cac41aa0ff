"use client";

import { usePathname, useRouter } from "next/navigation";
import { hrefWithCase } from "@/lib/client/case-url";
import { CaseCreateForm } from "./case-create-form";
import styles from "./no-case-prompt.module.css";

/** For someone in no case yet: create one here, or wait to be added (the switcher updates live). */
export function NoCasePrompt() {
  const router = useRouter();
  const pathname = usePathname() ?? "/";
  return (
    <section className={`card ${styles.prompt}`} aria-labelledby="no-case-title" data-testid="no-case">
      <div>
        <h1 id="no-case-title">Start with a case</h1>
        <p className="muted">
          A case is one investigation: the carrier files delivered for it, their records, and the colleagues who work on it. Everything you load and see belongs to a case. Create
          your first one, or ask a colleague to add you to theirs: it appears here as soon as they do.
        </p>
      </div>
      <CaseCreateForm autoFocus submitLabel="Create case" onCreated={(c) => router.push(hrefWithCase(pathname, c.id))} />
    </section>
  );
}
