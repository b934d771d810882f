import { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";
import type { Failure, Result } from "@/lib/result";

export type AdminResult = Result<{ id: number }>;

/**
 * AppErrors and the database's own refusals that a form can explain (a duplicate code, a row
 * still in use) become Chinese messages; anything else is a bug and is rethrown.
 */
export function adminFailure(
  error: unknown,
  duplicate = "编码已存在",
  // What a foreign-key refusal means depends on the operation: on a delete the row is still in
  // use, on a create the row it points to does not exist.
  messages: { foreignKey?: string } = {},
): Failure {
  if (error instanceof AppError) return { ok: false, code: error.code, message: error.message };
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2002") return { ok: false, code: "conflict", message: duplicate };
    if (error.code === "P2003") return { ok: false, code: "conflict", message: messages.foreignKey ?? "该记录仍被其他数据引用，不能删除" };
    if (error.code === "P2025") return { ok: false, code: "not_found", message: "记录不存在" };
  }
  throw error;
}

export function requireAdmin(allowed: boolean, what: string): void {
  if (!allowed) throw new AppError("forbidden", `您没有${what}的权限`);
}
