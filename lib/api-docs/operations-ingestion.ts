import { templateUpdateSchema, allErrorsQuerySchema } from "../schemas/admin";
import { errorListResponseSchema, jobDetailResponseSchema, jobListQuerySchema, jobListResponseSchema, uploadResponseSchema } from "../schemas/api";
import { caseScopeQuerySchema } from "../schemas/case";
import { mappingOverrideSchema } from "../schemas/mapping";
import { jobErrorListQuerySchema } from "../schemas/queries";
import { jobResponseSchema, templateListResponseSchema, templateResponseSchema } from "../schemas/response-envelopes";
import { allErrorsResponseSchema, previewResponseSchema } from "../schemas/responses";
import type { ApiOperation } from "./operation-types";

const JOB_ID = { id: { description: "The job's id." } };
const NO_JOB = "There is no such job, or its case is not one of yours (the same answer for both).";

/** Upload, jobs, mapping review, templates and row errors. */
export const INGESTION_OPERATIONS: ApiOperation[] = [
  {
    id: "uploadFiles", method: "post", path: "/api/ingestion/upload", tag: "Upload and jobs", auth: "user", role: "analyst",
    summary: "Upload carrier files",
    description:
      "Streams each `files` part to storage and creates a queued job per file in the case named by the `caseId` form field (or query parameter); without one, the caller's most recently used case (created on their first upload). Each file is then detected, mapped, normalized and loaded in the background: follow it with GET /api/ingestion/jobs/{id} or the live socket. CSV, TSV, pipe or semicolon text, XLSX/XLS, PDF and JSON are accepted.",
    query: caseScopeQuerySchema,
    queryDocs: { caseId: "The case to load into, checked before a byte is stored (instead of the form field)." },
    rawBody: {
      description: "One or more files, and optionally the case to load them into.",
      content: {
        "multipart/form-data": {
          type: "object",
          properties: {
            files: { type: "array", items: { type: "string", contentMediaType: "application/octet-stream" }, description: "The carrier files (repeat the part for each file)." },
            caseId: { type: "integer", minimum: 1, description: "The case to load into; send it before the files. Default: your current case." },
          },
          required: ["files"],
          encoding: { files: { contentType: "application/octet-stream" } },
        },
      },
    },
    success: { status: 202, description: "The files are stored and queued: one job each.", schema: uploadResponseSchema },
    errors: {
      400: "The request is not multipart/form-data or carries no file.",
      404: "There is no such case, or you are not a member.",
      413: "A file is larger than the upload limit, or too many files in one request.",
      429: "More files than the per-minute upload limit: wait and try again.",
    },
  },
  {
    id: "listJobs", method: "get", path: "/api/ingestion/jobs", tag: "Upload and jobs", auth: "user", role: "analyst",
    summary: "List jobs",
    description: "The jobs of one case (`caseId`), or of every case the caller may see, newest first.",
    query: jobListQuerySchema,
    queryDocs: { status: "Only jobs in this status.", carrier: "Only jobs whose file was classified as this carrier.", userId: "Only jobs uploaded by this user.", from: "Created on or after (date or date-time).", to: "Created on or before (date or date-time)." },
    success: { status: 200, description: "A page of jobs and the total.", schema: jobListResponseSchema },
    errors: { 404: "There is no such case, or you are not a member." },
  },
  {
    id: "getJob", method: "get", path: "/api/ingestion/jobs/{id}", tag: "Upload and jobs", auth: "user", role: "analyst",
    summary: "Get a job",
    description: "The job, the layout plan the engine made for its file, and its first row errors.",
    pathParams: JOB_ID,
    success: { status: 200, description: "The job in detail.", schema: jobDetailResponseSchema },
    errors: { 404: NO_JOB },
  },
  {
    id: "deleteJob", method: "delete", path: "/api/ingestion/jobs/{id}", tag: "Upload and jobs", auth: "user", role: "analyst",
    summary: "Delete a job",
    description: "Deletes the job with its records and errors; the case's contacts and gaps are recomputed without them.",
    pathParams: JOB_ID,
    success: { status: 204, description: "Deleted." },
    errors: { 404: NO_JOB, 409: "The job is processing: cancel it first." },
  },
  {
    id: "cancelJob", method: "post", path: "/api/ingestion/jobs/{id}/cancel", tag: "Upload and jobs", auth: "user", role: "analyst",
    summary: "Cancel a job",
    description: "Whatever the job had loaded is removed (records, errors, and its share of contacts and gaps).",
    pathParams: JOB_ID,
    success: { status: 200, description: "The cancelled job.", schema: jobResponseSchema },
    errors: { 404: NO_JOB, 409: "The job is finished and cannot be cancelled." },
  },
  {
    id: "retryJob", method: "post", path: "/api/ingestion/jobs/{id}/retry", tag: "Upload and jobs", auth: "user", role: "analyst",
    summary: "Retry a job",
    description: "Queues the job's stored file again.",
    pathParams: JOB_ID,
    success: { status: 200, description: "The queued job.", schema: jobResponseSchema },
    errors: { 404: NO_JOB, 409: "The job is already queued or running." },
  },
  {
    id: "listJobErrors", method: "get", path: "/api/ingestion/jobs/{id}/errors", tag: "Upload and jobs", auth: "user", role: "analyst",
    summary: "List a job's row errors",
    description: "Rows of the job's file that could not be loaded: line, field, reason code and raw text.",
    pathParams: JOB_ID,
    query: jobErrorListQuerySchema,
    success: { status: 200, description: "A page of row errors and the total.", schema: errorListResponseSchema },
    errors: { 404: NO_JOB },
  },
  {
    id: "previewMapping", method: "post", path: "/api/ingestion/jobs/{id}/preview", tag: "Review", auth: "user", role: "analyst",
    summary: "Preview a mapping",
    description: "The first rows of the job's file normalized under a draft mapping, or under the detected one when the body is empty. Nothing is saved.",
    pathParams: JOB_ID,
    body: mappingOverrideSchema,
    bodyOptional: true,
    success: { status: 200, description: "The plan, the headers, sample rows and the rows as they would load.", schema: previewResponseSchema },
    errors: { 404: NO_JOB, 429: "More previews than PREVIEW_RATE_PER_MINUTE (default 30) in the last minute; Retry-After says when to try again." },
  },
  {
    id: "confirmMapping", method: "post", path: "/api/ingestion/jobs/{id}/mapping", tag: "Review", auth: "user", role: "analyst",
    summary: "Confirm a mapping",
    description: "A reviewer of the job's case (or a global reviewer or admin) confirms or corrects the column mapping and the job resumes; a template is saved only when `templateName` is given. A mapping that could load wrong data is refused with 400 and `error.details.problems` (one per field: a zone the file did not state, an invalid zone, the header row unanswered, a field mapped from two columns, a missing core field).",
    pathParams: JOB_ID,
    body: mappingOverrideSchema,
    success: { status: 200, description: "The job, queued again.", schema: jobResponseSchema },
    errors: { 403: "Confirming a mapping needs the reviewer role in this case.", 404: NO_JOB, 409: "The job is already queued or running." },
  },
  {
    id: "listTemplates", method: "get", path: "/api/ingestion/templates", tag: "Review", auth: "user", role: "reviewer",
    summary: "List layout templates",
    description: "Every saved layout template, with how many jobs of your cases used it.",
    success: { status: 200, description: "The templates.", schema: templateListResponseSchema },
  },
  {
    id: "updateTemplate", method: "patch", path: "/api/ingestion/templates/{id}", tag: "Review", auth: "user", role: "reviewer",
    summary: "Edit a layout template",
    description: "Every edit is a new version of the template.",
    pathParams: { id: { description: "The template's id." } },
    body: templateUpdateSchema,
    success: { status: 200, description: "The updated template.", schema: templateResponseSchema },
    errors: { 404: "There is no such template." },
  },
  {
    id: "deleteTemplate", method: "delete", path: "/api/ingestion/templates/{id}", tag: "Review", auth: "user", role: "reviewer",
    summary: "Delete a layout template",
    pathParams: { id: { description: "The template's id." } },
    success: { status: 204, description: "Deleted." },
    errors: { 404: "There is no such template." },
  },
  {
    id: "listAllErrors", method: "get", path: "/api/ingestion/errors", tag: "Errors", auth: "user", role: "admin",
    summary: "Row errors across jobs",
    description: "Row-level errors of every job, or of one case or job: paged and filtered (JSON), or the whole filtered set as CSV with `format=csv`.",
    query: allErrorsQuerySchema,
    queryDocs: { jobId: "Only this job's errors.", format: "`json` (a page) or `csv` (every matching error, as a download)." },
    success: {
      status: 200,
      description: "A page of errors with counts per code; with format=csv, a CSV download.",
      schema: allErrorsResponseSchema,
      content: { "text/csv": { type: "string", description: "line, field, code, message and raw text of each error." } },
      headers: { "Content-Disposition": 'With format=csv: `attachment; filename="switchyard-errors.csv"`.' },
    },
    errors: { 404: "There is no such case, or you are not a member." },
  },
];
