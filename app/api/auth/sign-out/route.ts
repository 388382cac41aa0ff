import { clearSessionCookie, cookieValue, deleteSession, SESSION_COOKIE } from "@/lib/auth/session";
import { publicRoute } from "@/lib/server/route";

export const dynamic = "force-dynamic";

export const POST = publicRoute(async ({ req, runtime }) => {
  const token = cookieValue(req.headers.get("cookie"), SESSION_COOKIE);
  if (token) await deleteSession(runtime.db, token);
  return new Response(null, { status: 204, headers: { "set-cookie": clearSessionCookie() } });
});
