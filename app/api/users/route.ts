import { newUserSchema } from "@/lib/auth/auth-schemas";
import { createUser, listUsers } from "@/lib/auth/user-commands";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

export const GET = route({ role: "admin", sessionOnly: true }, async ({ runtime }) => ({ users: await listUsers(runtime.db) }));

export const POST = route(
  {
    role: "admin",
    sessionOnly: true,
    body: newUserSchema,
    status: 201,
    audit: (_ctx, result) => {
      const u = (result as { user: { id: string; email: string; role: string } }).user;
      return { action: "user.create", subject: { type: "user", id: u.id }, detail: { email: u.email, role: u.role } };
    },
  },
  async ({ runtime, body }) => ({ user: await createUser(runtime.db, body) }),
);
