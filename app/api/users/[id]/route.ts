import { audit } from "@/lib/auth/audit";
import { updateUserSchema } from "@/lib/auth/auth-schemas";
import { deleteUser, updateUser } from "@/lib/auth/user-commands";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

export const PATCH = route<{ id: string }>(async ({ req, params, runtime, user }) => {
  const input = updateUserSchema.parse(await req.json());
  const updated = await updateUser(runtime.db, user, params.id, input);
  await audit(runtime.db, user, "user.update", { type: "user", id: params.id }, { role: input.role, passwordChanged: !!input.password });
  return { user: updated };
}, "admin");

export const DELETE = route<{ id: string }>(async ({ params, runtime, user }) => {
  await deleteUser(runtime.db, user, params.id);
  await audit(runtime.db, user, "user.delete", { type: "user", id: params.id });
  return null;
}, "admin");
