import { createApiToken, listApiTokens } from "@/lib/auth/api-tokens";
import { createTokenBodySchema, type CreateTokenResponse } from "@/lib/schemas/api-tokens";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** The caller's personal API tokens (not revoked; expired ones too), never their secrets. Session only. */
export const GET = route({ sessionOnly: true }, async ({ runtime, user }) => ({ tokens: await listApiTokens(runtime.db, user.id) }));

/** A new personal API token: 201 with the secret, the only time it is shown. Session only. */
export const POST = route(
  {
    sessionOnly: true,
    body: createTokenBodySchema,
    status: 201,
    // Never the secret.
    audit: ({ body }, result) => ({
      action: "token.created",
      subject: { type: "api_token", id: (result as CreateTokenResponse).id },
      detail: { name: body.name, scope: body.scope, caseIds: body.caseIds ?? null, expiresAt: (result as CreateTokenResponse).expiresAt },
    }),
  },
  async ({ runtime, user, body }) => createApiToken(runtime.db, user, body),
);
