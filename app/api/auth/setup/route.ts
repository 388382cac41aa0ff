import { audit } from "@/lib/auth/audit";
import { setupSchema } from "@/lib/auth/auth-schemas";
import { createSession, sessionCookie } from "@/lib/auth/session";
import { createUser, setupOpen } from "@/lib/auth/user-commands";
import { AppError } from "@/lib/app-error";
import { publicRoute } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** One-time first-run setup: creates the first admin while no user exists, then closes for good. */
export const POST = publicRoute(
  async ({ req, runtime }) => {
    const input = setupSchema.parse(await req.json());
    if (!(await setupOpen(runtime.db))) throw new AppError("forbidden", "Setup is already done: sign in instead.");
    const user = await createUser(runtime.db, { ...input, role: "admin" });
    const { token, expiresAt } = await createSession(runtime.db, user.id);
    await audit(runtime.db, { id: user.id, email: user.email, name: user.name, role: "admin" }, "user.create", { type: "user", id: user.id }, { role: "admin", via: "setup" });
    return Response.json({ user }, { status: 201, headers: { "set-cookie": sessionCookie(token, expiresAt, false) } });
  },
  { sessionOnly: true },
);
