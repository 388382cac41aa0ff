import { audit } from "@/lib/auth/audit";
import { revokeApiToken } from "@/lib/auth/api-tokens";
import { idParams, route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** Revokes one of the caller's tokens (an admin: anyone's); 204. Session only. */
export const DELETE = route({ sessionOnly: true, params: idParams }, async ({ params, runtime, user }) => {
  const revoked = await revokeApiToken(runtime.db, user, params.id);
  runtime.sockets.disconnectToken(revoked.id); // its live-update sockets end with it (after the database change: a reconnect is refused)
  // Written here rather than by `audit:` because the answer (204) carries nothing to record.
  await audit(runtime.db, user, "token.revoked", { type: "api_token", id: revoked.id }, { name: revoked.name, ownerId: revoked.userId });
  return null;
});
