/**
 * Every action the audit log records, with the words the audit page shows for it. One list for
 * the writers (grep for the keys), the page's filter and its labels, so a new action cannot be
 * shown as a bare code.
 */
export const AUDIT_ACTIONS = {
  sign_in: "Signed in",
  "auth.sign_in_failed": "Failed sign-in",
  setup: "Set up Switchyard",
  upload: "Uploaded a file",
  map: "Confirmed a mapping",
  retry: "Retried a job",
  cancel: "Cancelled a job",
  delete: "Deleted a job",
  export: "Exported",
  "case.create": "Created a case",
  "case.update": "Changed a case",
  "case.delete": "Deleted a case",
  "case.member.add": "Added a case member",
  "case.member.remove": "Removed a case member",
  "case.cell_sites.upload": "Uploaded a cell-site list",
  "case.cell_sites.clear": "Cleared a cell-site list",
  "gaps.threshold": "Changed a gap threshold",
  "template.update": "Changed a template",
  "template.delete": "Deleted a template",
  "rule.create": "Added a privacy rule",
  "rule.delete": "Deleted a privacy rule",
  "user.create": "Created a user",
  "user.update": "Changed a user",
  "user.delete": "Deleted a user",
  "user.lockout_lift": "Lifted a sign-in lock-out",
  "token.created": "Created an API token",
  "token.revoked": "Revoked an API token",
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

/** The page's words for an action; an unknown (older or newer) action shows as itself. */
export function auditActionLabel(action: string): string {
  return (AUDIT_ACTIONS as Record<string, string>)[action] ?? action;
}
