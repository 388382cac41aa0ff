import { audit } from "@/lib/auth/audit";
import { signInSchema } from "@/lib/auth/auth-schemas";
import { verifyPassword } from "@/lib/auth/password";
import { createSession, sessionCookie } from "@/lib/auth/session";
import { AppError } from "@/lib/app-error";
import { findUserByEmail } from "@/lib/auth/user-commands";
import { publicRoute } from "@/lib/server/route";

export const dynamic = "force-dynamic";

export const POST = publicRoute(async ({ req, runtime }) => {
  const { email, password } = signInSchema.parse(await req.json());
  const user = await findUserByEmail(runtime.db, email);
  // The same answer (and roughly the same time) for an unknown e-mail and a wrong password.
  const ok = user ? await verifyPassword(password, user.passwordHash) : await verifyPassword(password, "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
  if (!user || !ok) throw new AppError("unauthorized", "The e-mail or password is wrong.");
  const { token, expiresAt } = await createSession(runtime.db, user.id);
  await audit(runtime.db, { id: user.id, email: user.email, name: user.name, role: "analyst" }, "sign_in");
  const secure = new URL(req.url).protocol === "https:" || req.headers.get("x-forwarded-proto") === "https";
  return Response.json({ user: { id: user.id, email: user.email, name: user.name, role: user.role } }, { headers: { "set-cookie": sessionCookie(token, expiresAt, secure) } });
});
