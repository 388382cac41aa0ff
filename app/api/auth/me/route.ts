import { setupOpen } from "@/lib/auth/user-commands";
import { publicRoute } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** The signed-in user (or null), and whether the one-time first-admin setup is still open. */
export const GET = publicRoute(async ({ runtime, user }) => ({
  user,
  setupRequired: user ? false : await setupOpen(runtime.db),
}));
