"use client";

import { useActiveCase } from "@/lib/client/active-case";

/** The current case's name, for sentences such as "Every file loaded into …". */
export function ActiveCaseName() {
  return <strong data-testid="active-case-name">{useActiveCase().name}</strong>;
}
