import type { UploadResponse } from "@/lib/schemas/api";
import { ApiRequestError, errorFromBody } from "./api";
import { redirectToSignIn } from "./auth-redirect";

export interface UploadHandle {
  promise: Promise<UploadResponse>;
  abort: () => void;
}

/**
 * One file, one request: fetch() cannot report upload progress, XMLHttpRequest can,
 * and a request per file gives each file its own bar and its own failure. Every file goes into
 * the case named, never into whatever case the server would pick.
 */
export function uploadFile(file: File, caseId: number, onProgress: (loaded: number, total: number) => void): UploadHandle {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<UploadResponse>((resolve, reject) => {
    xhr.open("POST", "/api/ingestion/upload");
    xhr.setRequestHeader("Accept", "application/json");
    xhr.responseType = "text";
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        // Non-JSON body (proxy page): the status-based message is used.
      }
      if (xhr.status === 401) redirectToSignIn();
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as UploadResponse);
      else reject(errorFromBody(body, xhr.status, xhr.statusText));
    };
    xhr.onerror = () => reject(new ApiRequestError("Network error: the upload did not reach the server.", "network", 0));
    xhr.onabort = () => reject(new ApiRequestError("Upload cancelled.", "aborted", 0));
    const form = new FormData();
    // The case first: the server reads the form as a stream and must know the case before the file.
    form.append("caseId", String(caseId));
    form.append("files", file, file.name);
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}
