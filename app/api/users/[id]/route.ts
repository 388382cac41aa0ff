import { updateUserSchema } from "@/lib/auth/auth-schemas";
import { deleteUser, updateUser } from "@/lib/auth/user-commands";
import { idParams, route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

export const PATCH = route(
  { role: "admin", params: idParams, body: updateUserSchema, audit: ({ params, body }) => ({ action: "user.update", subject: { type: "user", id: params.id }, detail: { role: body.role, passwordChanged: !!body.password } }) },
  async ({ params, runtime, user, body }) => ({ user: await updateUser(runtime.db, user, params.id, body) }),
);

export const DELETE = route(
  { role: "admin", params: idParams, audit: ({ params }) => ({ action: "user.delete", subject: { type: "user", id: params.id } }) },
  async ({ params, runtime, user }) => {
    await deleteUser(runtime.db, user, params.id);
    return null;
  },
);
