import { z } from "zod";
import { caseIdSchema } from "./case";

/**
 * Personal API tokens (issue 19): the HTTP contract shared by the routes, the settings page and
 * the OpenAPI document. A token acts as its owner, narrowed: `read` allows only GET/HEAD, `write`
 * every method; `caseIds` (when given) narrows the cases it reaches to those (each must be one
 * its owner may see); it always expires.
 */
export const TOKEN_SCOPES = ["read", "write"] as const;
export const tokenScopeSchema = z.enum(TOKEN_SCOPES);
export type TokenScope = z.infer<typeof tokenScopeSchema>;

/** Tokens are `sy_` + 43 base64url characters (32 random bytes); only their SHA-256 is stored. */
export const API_TOKEN_PREFIX = "sy_";
export const DEFAULT_TOKEN_DAYS = 90;
export const MAX_TOKEN_DAYS = 365;

export const createTokenBodySchema = z
  .object({
    name: z.string().trim().min(1, "Give the token a name.").max(100),
    scope: tokenScopeSchema,
    caseIds: z.array(caseIdSchema).min(1).max(200).optional(),
    expiresInDays: z.number().int().min(1).max(MAX_TOKEN_DAYS).optional(),
  })
  .strict();
export type CreateTokenBody = z.infer<typeof createTokenBodySchema>;

export const apiTokenDtoSchema = z.object({
  id: z.string(),
  name: z.string(),
  scope: tokenScopeSchema,
  /** null: every case the owner may see. */
  caseIds: z.array(z.number()).nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
  lastUsedAt: z.string().nullable(),
  /** The first characters of the secret (`sy_AbCd…`), to tell tokens apart; never the secret. */
  hint: z.string(),
});
export type ApiTokenDto = z.infer<typeof apiTokenDtoSchema>;

/** 201 answer of POST /api/tokens: the only time the secret is shown. */
export const createTokenResponseSchema = z.object({ id: z.string(), token: z.string(), expiresAt: z.string() });
export type CreateTokenResponse = z.infer<typeof createTokenResponseSchema>;

export const tokenListResponseSchema = z.object({ tokens: z.array(apiTokenDtoSchema) });
