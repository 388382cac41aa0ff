import { ADMIN_OPERATIONS } from "./operations-admin";
import { ANALYTICS_OPERATIONS } from "./operations-analytics";
import { CELL_OPERATIONS } from "./operations-cells";
import { AUTH_OPERATIONS } from "./operations-auth";
import { CASE_OPERATIONS } from "./operations-cases";
import { INGESTION_OPERATIONS } from "./operations-ingestion";
import type { ApiOperation } from "./operation-types";
import { RECORD_OPERATIONS } from "./operations-records";

/**
 * Every operation of the HTTP API, one entry per exported method of app/api/**\/route.ts
 * (tests/integration/openapi.test.ts fails when a route and this list disagree). Schemas are the
 * very objects the routes parse with, so the document cannot describe a different contract.
 */
export const API_OPERATIONS: readonly ApiOperation[] = [
  ...AUTH_OPERATIONS,
  ...CASE_OPERATIONS,
  ...INGESTION_OPERATIONS,
  ...RECORD_OPERATIONS,
  ...ANALYTICS_OPERATIONS,
  ...CELL_OPERATIONS,
  ...ADMIN_OPERATIONS,
];

/** Tag order and what each group is about. */
export const API_TAGS: readonly { name: string; description: string }[] = [
  { name: "Authentication", description: "Browser sessions: sign in, first-run setup, sign out." },
  { name: "API tokens", description: "Personal tokens for scripts: `Authorization: Bearer sy_…`. Managed from a signed-in browser session (the settings page)." },
  { name: "Upload and jobs", description: "Send carrier files; each becomes a job that is detected, mapped, normalized and loaded in the background." },
  { name: "Review", description: "Confirm uncertain column mappings and manage the layout templates they are saved as." },
  { name: "Records", description: "The loaded, deduplicated calls and messages: list, export, targets and timelines." },
  { name: "Contacts", description: "Who each target talked to." },
  { name: "Analytics", description: "Analyses of one case computed in the database: the numbers its targets have in common." },
  { name: "Cases", description: "Investigations: everyone sees only the cases they belong to (admins see all)." },
  { name: "Errors", description: "Rows that could not be loaded, across jobs." },
  { name: "Users", description: "User administration (admins, browser session only)." },
  { name: "Administration", description: "Privacy rules and the audit log (admins)." },
  { name: "Operations", description: "Health, metrics and this document." },
];
