import { clearSessionCookie, cookieValue, deleteSession, SESSION_COOKIE, sessionIdOf } from "@/lib/auth/session";
import { publicRoute } from "@/lib/server/route";

export const dynamic = "force-dynamic";

export const POST = publicRoute(
  async ({ req, runtime }) => {
    const token = cookieValue(req.headers.get("cookie"), SESSION_COOKIE);
    if (token) {
      await deleteSession(runtime.db, token);
      runtime.sockets.disconnectSession(sessionIdOf(token)); // its open sockets end with it (issue 19)
    }
    return new Response(null, { status: 204, headers: { "set-cookie": clearSessionCookie() } });
  },
  { sessionOnly: true },
);
