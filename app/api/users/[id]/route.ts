import { updateUserSchema } from "@/lib/auth/auth-schemas";
import { deleteUser, updateUser } from "@/lib/auth/user-commands";
import { idParams, route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

export const PATCH = route(
  {
    role: "admin",
    sessionOnly: true,
    params: idParams,
    body: updateUserSchema,
    audit: ({ params, body }) => ({ action: "user.update", subject: { type: "user", id: params.id }, detail: { role: body.role, passwordChanged: !!body.password } }),
  },
  async ({ params, runtime, user, body }) => {
    const updated = await updateUser(runtime.db, user, params.id, body);
    // updateUser ended the user's sessions; their open sockets end too (issue 19).
    if (body.role || body.password) runtime.sockets.disconnectUser(params.id);
    return { user: updated };
  },
);

export const DELETE = route(
  { role: "admin", sessionOnly: true, params: idParams, audit: ({ params }) => ({ action: "user.delete", subject: { type: "user", id: params.id } }) },
  async ({ params, runtime, user }) => {
    await deleteUser(runtime.db, user, params.id);
    runtime.sockets.disconnectUser(params.id); // every socket of the deleted user, whatever its credential
    return null;
  },
);
