"use client";

import { createContext, useContext } from "react";
import type { CaseDto } from "@/lib/schemas/case";

/** The case a case-scoped page works in, provided by <RequireCase> once it is known and visible. */
export const ActiveCaseContext = createContext<CaseDto | null>(null);

export function useActiveCase(): CaseDto {
  const c = useContext(ActiveCaseContext);
  if (!c) throw new Error("useActiveCase() outside <RequireCase>");
  return c;
}
