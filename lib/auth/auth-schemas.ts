import { z } from "zod";
import { roleSchema } from "./roles";

export const signInSchema = z.object({ email: z.string().trim().toLowerCase().email(), password: z.string().min(1).max(200) });
export const setupSchema = z.object({ email: z.string().trim().toLowerCase().email(), name: z.string().trim().min(1).max(100), password: z.string().max(200) });
export const newUserSchema = setupSchema.extend({ role: roleSchema });
export const updateUserSchema = z.object({ role: roleSchema.optional(), name: z.string().trim().min(1).max(100).optional(), password: z.string().max(200).optional() });
