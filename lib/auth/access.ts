// Access rules live with the cases they are about (lib/data/case-access.ts); re-exported for the
// auth-side callers (socket joins, routes written before cases).
export { canSeeJobById, jobVisibilityWhere, requireJobAccess } from "../data/case-access";
