import { audit } from "@/lib/auth/audit";
import { newUserSchema } from "@/lib/auth/auth-schemas";
import { createUser, toUserDto } from "@/lib/auth/user-commands";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

export const GET = route(async ({ runtime }) => ({ users: (await runtime.db.user.findMany({ orderBy: { createdAt: "asc" } })).map(toUserDto) }), "admin");

export const POST = route(async ({ req, runtime, user }) => {
  const created = await createUser(runtime.db, newUserSchema.parse(await req.json()));
  await audit(runtime.db, user, "user.create", { type: "user", id: created.id }, { email: created.email, role: created.role });
  return Response.json({ user: created }, { status: 201 });
}, "admin");
