import crypto from "node:crypto";
import type { Db } from "../db/prisma";
import { AppError } from "../app-error";
import { hashPassword, passwordProblem } from "./password";
import type { Role, SessionUser } from "./roles";

export const toUserDto = (u: { id: string; email: string; name: string; role: string; createdAt: Date }) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  createdAt: u.createdAt.toISOString(),
});

export async function createUser(db: Db, input: { email: string; name: string; password: string; role: Role }) {
  const problem = passwordProblem(input.password, input.email);
  if (problem) throw new AppError("bad_request", problem);
  if (await db.user.findUnique({ where: { email: input.email } })) throw new AppError("conflict", "A user with this e-mail already exists.");
  const user = await db.user.create({
    data: { id: crypto.randomUUID(), email: input.email, name: input.name, role: input.role, passwordHash: await hashPassword(input.password) },
  });
  return toUserDto(user);
}

export async function updateUser(db: Db, actor: SessionUser, id: string, input: { role?: Role; name?: string; password?: string }) {
  const user = await db.user.findUnique({ where: { id } });
  if (!user) throw new AppError("not_found", "There is no such user.");
  if (id === actor.id && input.role && input.role !== "admin") throw new AppError("conflict", "You cannot remove your own admin role.");
  if (input.password) {
    const problem = passwordProblem(input.password, user.email);
    if (problem) throw new AppError("bad_request", problem);
  }
  const updated = await db.user.update({
    where: { id },
    data: {
      ...(input.role ? { role: input.role } : {}),
      ...(input.name ? { name: input.name } : {}),
      ...(input.password ? { passwordHash: await hashPassword(input.password) } : {}),
    },
  });
  // A changed role or password ends the user's other sessions.
  if (input.role || input.password) await db.session.deleteMany({ where: { userId: id } });
  return toUserDto(updated);
}

export async function deleteUser(db: Db, actor: SessionUser, id: string) {
  if (id === actor.id) throw new AppError("conflict", "You cannot delete yourself.");
  const { count } = await db.user.deleteMany({ where: { id } });
  if (count === 0) throw new AppError("not_found", "There is no such user.");
}

export async function listUsers(db: Db) {
  return (await db.user.findMany({ orderBy: { createdAt: "asc" } })).map(toUserDto);
}

/** True while no user exists: the one-time first-admin setup is open. */
export async function setupOpen(db: Db): Promise<boolean> {
  return (await db.user.count()) === 0;
}

export async function findUserByEmail(db: Db, email: string) {
  return db.user.findUnique({ where: { email } });
}
