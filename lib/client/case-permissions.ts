import type { SessionUser } from "@/lib/auth/roles";
import type { CaseDto } from "@/lib/schemas/case";

/**
 * Whether the user may confirm mappings of the case's files: the server says so in the case itself
 * (`canReview`, the rule of lib/data/case-access.ts). Only decides which buttons to show; the API decides.
 */
export function canReviewIn(_user: SessionUser, c: Pick<CaseDto, "canReview">): boolean {
  return c.canReview;
}
