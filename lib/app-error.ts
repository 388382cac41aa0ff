/** HTTP-agnostic error with a stable code and a sentence a person understands; route wrappers map codes to statuses. */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    /** Structured detail for the client (e.g. a refused mapping's problems per field); sent as `error.details`. */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export type AppErrorCode = "bad_request" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "payload_too_large" | "rate_limited" | "internal";

export const APP_ERROR_STATUS: Record<AppErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
};
