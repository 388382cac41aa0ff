import { AppError } from "@/lib/app-error";
import { accountKey, clearThrottle } from "@/lib/auth/sign-in-throttle";
import { idParams, route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** Lifts a user's sign-in lock-out (issue 19). Client-address lock-outs expire by themselves. */
export const DELETE = route(
  { role: "admin", sessionOnly: true, params: idParams, audit: ({ params }) => ({ action: "user.lockout_lift", subject: { type: "user", id: params.id } }) },
  async ({ params, runtime }) => {
    const user = await runtime.db.user.findUnique({ where: { id: params.id } });
    if (!user) throw new AppError("not_found", "No such user.");
    await clearThrottle(runtime.db, accountKey(user.email));
    return null;
  },
);
