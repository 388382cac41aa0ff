import { newUserSchema, setupSchema, signInSchema, updateUserSchema } from "../auth/auth-schemas";
import { createTokenBodySchema, createTokenResponseSchema, tokenListResponseSchema } from "../schemas/api-tokens";
import { meResponseSchema } from "../schemas/responses";
import { signInResponseSchema, userListResponseSchema, userResponseSchema } from "../schemas/response-envelopes";
import type { ApiOperation } from "./operation-types";

const SESSION_COOKIE_HEADER = { "Set-Cookie": "The `sy_session` cookie (HttpOnly, SameSite=Lax; 12 hours)." };

/** Sign-in, first-run setup, personal API tokens and user administration. */
export const AUTH_OPERATIONS: ApiOperation[] = [
  {
    id: "getMe", method: "get", path: "/api/auth/me", tag: "Authentication", auth: "public",
    summary: "Who is signed in",
    description: "The signed-in user (or null), and whether the one-time first-admin setup is still open.",
    success: { status: 200, description: "The caller.", schema: meResponseSchema },
  },
  {
    id: "signIn", method: "post", path: "/api/auth/sign-in", tag: "Authentication", auth: "public",
    summary: "Sign in",
    description: "Checks the e-mail and password and starts a browser session (the `sy_session` cookie). Repeated failures lock the account and the client address out for a while.",
    body: signInSchema,
    success: { status: 200, description: "Signed in.", schema: signInResponseSchema, headers: SESSION_COOKIE_HEADER },
    errors: { 401: "The e-mail or password is wrong (the same answer for both).", 429: "Too many failed attempts: wait for the Retry-After seconds." },
  },
  {
    id: "setup", method: "post", path: "/api/auth/setup", tag: "Authentication", auth: "public",
    summary: "Create the first admin",
    description: "One-time first-run setup: creates the first admin while no user exists, signs them in, then closes for good.",
    body: setupSchema,
    success: { status: 201, description: "The first admin, signed in.", schema: userResponseSchema, headers: SESSION_COOKIE_HEADER },
    errors: { 403: "Setup is already done: sign in instead.", 400: "Invalid e-mail, name or a password that is too weak." },
  },
  {
    id: "signOut", method: "post", path: "/api/auth/sign-out", tag: "Authentication", auth: "public",
    summary: "Sign out",
    description: "Ends the browser session named by the cookie (and its open live-update sockets) and clears the cookie.",
    success: { status: 204, description: "Signed out.", headers: { "Set-Cookie": "Clears `sy_session`." } },
  },

  {
    id: "listApiTokens", method: "get", path: "/api/tokens", tag: "API tokens", auth: "session", role: "analyst",
    summary: "List my API tokens",
    description: "The caller's tokens that are not revoked, newest first (expired ones too). Never the secret: `hint` shows its first characters.",
    success: { status: 200, description: "The tokens.", schema: tokenListResponseSchema },
  },
  {
    id: "createApiToken", method: "post", path: "/api/tokens", tag: "API tokens", auth: "session", role: "analyst",
    summary: "Create an API token",
    description:
      "A personal token (`sy_` + 43 characters) that acts as its owner, narrowed: `scope` `read` allows only GET and HEAD, `write` every method; `caseIds` (optional) narrows the cases it reaches. It expires after `expiresInDays` (default 90, at most 365). The secret is in this answer only; store it. Only a signed-in browser session may create tokens.",
    body: createTokenBodySchema,
    success: { status: 201, description: "The token, with its secret shown this once.", schema: createTokenResponseSchema },
    errors: { 404: "A case in `caseIds` does not exist or you are not a member.", 409: "You already hold the maximum number of live tokens: revoke one first." },
  },
  {
    id: "revokeApiToken", method: "delete", path: "/api/tokens/{id}", tag: "API tokens", auth: "session", role: "analyst",
    summary: "Revoke an API token",
    description: "Revokes one of your tokens (admins: anyone's). It stops working at once and its live-update sockets are closed.",
    pathParams: { id: { description: "The token's id (not its secret)." } },
    success: { status: 204, description: "Revoked." },
    errors: { 404: "There is no such token (or it is someone else's)." },
  },

  {
    id: "listUsers", method: "get", path: "/api/users", tag: "Users", auth: "session", role: "admin",
    summary: "List users",
    success: { status: 200, description: "Every user, oldest first.", schema: userListResponseSchema },
  },
  {
    id: "createUser", method: "post", path: "/api/users", tag: "Users", auth: "session", role: "admin",
    summary: "Add a user",
    description: "Creates an analyst, reviewer or admin with an initial password.",
    body: newUserSchema,
    success: { status: 201, description: "The new user.", schema: userResponseSchema },
    errors: { 409: "A user with this e-mail already exists." },
  },
  {
    id: "updateUser", method: "patch", path: "/api/users/{id}", tag: "Users", auth: "session", role: "admin",
    summary: "Change a user's role, name or password",
    description: "A role or password change ends the user's sessions and open sockets.",
    pathParams: { id: { description: "The user's id." } },
    body: updateUserSchema,
    success: { status: 200, description: "The updated user.", schema: userResponseSchema },
    errors: { 404: "There is no such user.", 409: "You cannot remove your own admin role." },
  },
  {
    id: "deleteUser", method: "delete", path: "/api/users/{id}", tag: "Users", auth: "session", role: "admin",
    summary: "Delete a user",
    pathParams: { id: { description: "The user's id." } },
    success: { status: 204, description: "Deleted." },
    errors: { 404: "There is no such user.", 409: "You cannot delete yourself." },
  },
  {
    id: "liftLockout", method: "delete", path: "/api/users/{id}/lockout", tag: "Users", auth: "session", role: "admin",
    summary: "Lift a sign-in lock-out",
    description: "Clears the failed sign-in count of the user's account. Client-address lock-outs expire by themselves.",
    pathParams: { id: { description: "The user's id." } },
    success: { status: 204, description: "Lifted." },
    errors: { 404: "There is no such user." },
  },
];
