/**
 * Where to go after sign-in (issue 19: no open redirect through ?next=). `next` is resolved the
 * way the browser will resolve it (`new URL(next, origin)`: backslashes, tabs, newlines,
 * protocol-relative and absolute URLs, javascript:) and followed only when it stays on `origin`;
 * the path, query and fragment are returned, never a full URL. Anything else: "/".
 */
export function safeNext(next: string | null | undefined, origin: string): string {
  if (!next) return "/";
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return "/";
  }
  if (url.origin !== new URL(origin).origin || (url.protocol !== "http:" && url.protocol !== "https:")) return "/";
  const path = url.pathname + url.search + url.hash;
  // A path that starts with "//" (e.g. "/%2F/evil") would be protocol-relative if used as-is.
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\") ? path : "/";
}
