import { audit } from "@/lib/auth/audit";
import { signInSchema } from "@/lib/auth/auth-schemas";
import { createSession, sessionCookie } from "@/lib/auth/session";
import { attemptSignIn, throttledMessage } from "@/lib/auth/sign-in";
import { normalizeAddress, throttleClock } from "@/lib/auth/sign-in-throttle";
import { AppError } from "@/lib/app-error";
import { clientAddress, isSecureRequest } from "@/lib/server/client-address";
import { publicRoute } from "@/lib/server/route";

export const dynamic = "force-dynamic";

export const POST = publicRoute(
  async ({ req, runtime }) => {
    const { email, password } = signInSchema.parse(await req.json());
    const outcome = await attemptSignIn(runtime.db, { email, password, address: normalizeAddress(clientAddress(req, runtime.config.trustProxy)) }, throttleClock.now());
    if (outcome.kind === "throttled") {
      const s = outcome.retryAfterSeconds;
      return Response.json({ error: { code: "rate_limited", message: throttledMessage(s) } }, { status: 429, headers: { "retry-after": String(s) } });
    }
    // The same answer (and roughly the same time) for an unknown e-mail and a wrong password.
    if (outcome.kind === "wrong") throw new AppError("unauthorized", "The e-mail or password is wrong.");
    const { user } = outcome;
    const { token, expiresAt } = await createSession(runtime.db, user.id);
    await audit(runtime.db, { id: user.id, email: user.email, name: user.name, role: "analyst" }, "sign_in");
    const secure = isSecureRequest(req, runtime.config.trustProxy);
    return Response.json({ user }, { headers: { "set-cookie": sessionCookie(token, expiresAt, secure) } });
  },
  { sessionOnly: true },
);
