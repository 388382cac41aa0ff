import { caseIdSchema } from "@/lib/schemas/case";

/**
 * The current case lives in the URL, as `?case=ID`, on every page: links are shareable and the
 * back button restores the case with the page. A URL that names no case means the user's last
 * used case (remembered on the server, `POST /api/cases/:id/select`), which the app then writes
 * into the URL. Pages that name a case or a job in their path (`/cases/7`, `/jobs/abc`) carry the
 * case of what they show.
 */
export const CASE_PARAM = "case";

/** `?case=` as a case id; "invalid" for anything that cannot be one (which no one may see). */
export function parseCaseParam(raw: string | null): number | null | "invalid" {
  if (raw === null) return null;
  const parsed = caseIdSchema.safeParse(raw);
  return parsed.success ? parsed.data : "invalid";
}

/** The href with `case` set (or left out for null), keeping its other query parameters. */
export function hrefWithCase(href: string, caseId: number | null | undefined, extra?: Record<string, string | number | undefined>): string {
  const url = new URL(href, "http://x");
  if (caseId == null) url.searchParams.delete(CASE_PARAM);
  else url.searchParams.set(CASE_PARAM, String(caseId));
  for (const [k, v] of Object.entries(extra ?? {})) {
    if (v === undefined || v === "") url.searchParams.delete(k);
    else url.searchParams.set(k, String(v));
  }
  const qs = url.searchParams.toString();
  return `${url.pathname}${qs ? `?${qs}` : ""}${url.hash}`;
}

export const jobHref = (job: { id: string; caseId: number }, rest = "") => hrefWithCase(`/jobs/${encodeURIComponent(job.id)}${rest}`, job.caseId);
export const caseHref = (caseId: number) => hrefWithCase(`/cases/${caseId}`, caseId);

/** Pages whose path names a job or a case: they set `?case=` from what they show, not from the last used case. */
export const namesItsCase = (pathname: string) => /^\/(jobs|cases)\/[^/]+/.test(pathname);

/** Where picking another case in the switcher leads from this page: the same view of the other case. */
export function pathForCase(pathname: string, caseId: number): string {
  if (/^\/jobs\/[^/]+\/review$/.test(pathname)) return hrefWithCase("/review", caseId);
  if (/^\/jobs\/[^/]+/.test(pathname)) return hrefWithCase("/jobs", caseId);
  if (/^\/cases\/[^/]+/.test(pathname)) return caseHref(caseId);
  // Filters, pages and targets belong to the case left behind: the new one starts unfiltered.
  return hrefWithCase(pathname, caseId);
}
