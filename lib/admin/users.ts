import { hasPermission, type Role, type SessionUser } from "@/lib/auth/permissions";
import { hashPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { adminFailure, requireAdmin, type AdminResult } from "./admin-result";

const bump = { sessionVersion: { increment: 1 } } as const;

/**
 * Accounts and their memberships. A membership is a role with its scope: an accountant belongs
 * to a department, a reviewer to a region, an administrator to nothing (the database refuses any
 * other pairing too). Passwords are stored only as argon2id hashes (lib/auth/password.ts).
 *
 * Every change of what a user may do (password, active, a role added or removed) bumps the
 * user's session version, which ends the sessions they have open (lib/auth/session.ts).
 */
const guard = (actor: SessionUser) => requireAdmin(hasPermission(actor, "admin.users"), "管理用户");

export interface MembershipInput {
  role: Role;
  departmentId?: number;
  regionId?: number;
  /** An accountant of one unit of the department (单位会计). */
  subUnitId?: number;
}

type Scope = { role: Role; departmentId: number | null; regionId: number | null; subUnitId: number | null };

/**
 * The scope a role is given. A unit accountant's unit must be one of its department's: the
 * database cannot say so (Membership has both ids), and a unit of another department would let
 * the accountant read that unit's budget under a department that is not its own.
 */
async function scopeOf(db: Db, m: MembershipInput): Promise<Scope> {
  if (m.role === "ACCOUNTANT") {
    if (!m.departmentId) throw new AppError("invalid_input", "部门会计必须选择所属部门");
    if (m.subUnitId) {
      const unit = await db.subUnit.findUnique({ where: { id: m.subUnitId }, select: { departmentId: true, name: true } });
      if (!unit) throw new AppError("invalid_input", "所选单位不存在");
      if (unit.departmentId !== m.departmentId) throw new AppError("invalid_input", `所属单位：${unit.name}不属于所选部门`);
    }
    return { role: m.role, departmentId: m.departmentId, regionId: null, subUnitId: m.subUnitId ?? null };
  }
  if (m.subUnitId) throw new AppError("invalid_input", "所属单位只用于会计");
  if (m.role === "REVIEWER") {
    if (!m.regionId) throw new AppError("invalid_input", "财政局审核员必须选择所属区划");
    return { role: m.role, departmentId: null, regionId: m.regionId, subUnitId: null };
  }
  return { role: m.role, departmentId: null, regionId: null, subUnitId: null };
}

export async function createUser(
  db: Db,
  actor: SessionUser,
  input: { username: string; displayName: string; password: string; membership: MembershipInput },
): Promise<AdminResult> {
  try {
    guard(actor);
    const membership = await scopeOf(db, input.membership);
    const passwordHash = await hashPassword(input.password);
    const row = await db.user.create({
      data: { username: input.username, displayName: input.displayName, passwordHash, memberships: { create: membership } },
    });
    return { ok: true, id: row.id };
  } catch (error) {
    return adminFailure(error, `用户名 ${input.username} 已被使用`, { foreignKey: "所选部门或区划不存在" });
  }
}

export async function addMembership(db: Db, actor: SessionUser, input: { userId: number } & MembershipInput): Promise<AdminResult> {
  try {
    guard(actor);
    const membership = await scopeOf(db, input);
    const existing = await db.membership.findFirst({ where: { userId: input.userId, ...membership } });
    if (existing) throw new AppError("conflict", "该用户已有这个角色");
    const row = await db.$transaction(async (tx) => {
      const created = await tx.membership.create({ data: { userId: input.userId, ...membership } });
      await tx.user.update({ where: { id: input.userId }, data: bump });
      return created;
    });
    return { ok: true, id: row.id };
  } catch (error) {
    // A foreign key here names a user, department or region that does not exist (any more).
    return adminFailure(error, "该用户已有这个角色", { foreignKey: "用户、部门或区划不存在" });
  }
}

export async function removeMembership(db: Db, actor: SessionUser, input: { membershipId: number }): Promise<AdminResult> {
  try {
    guard(actor);
    const membership = await db.membership.findUnique({ where: { id: input.membershipId } });
    if (!membership) throw new AppError("not_found", "该角色不存在");
    // An administrator cannot lock everyone out by removing the last administrator role.
    if (membership.role === "ADMIN" && (await db.membership.count({ where: { role: "ADMIN", user: { active: true } } })) <= 1) {
      throw new AppError("conflict", "这是最后一个系统管理员角色，不能删除");
    }
    await db.$transaction([db.membership.delete({ where: { id: membership.id } }), db.user.update({ where: { id: membership.userId }, data: bump })]);
    return { ok: true, id: membership.id };
  } catch (error) {
    return adminFailure(error);
  }
}

export async function resetPassword(db: Db, actor: SessionUser, input: { userId: number; password: string }): Promise<AdminResult> {
  try {
    guard(actor);
    const row = await db.user.update({ where: { id: input.userId }, data: { passwordHash: await hashPassword(input.password), ...bump } });
    return { ok: true, id: row.id };
  } catch (error) {
    return adminFailure(error);
  }
}

export async function setUserActive(db: Db, actor: SessionUser, input: { userId: number; active: boolean }): Promise<AdminResult> {
  try {
    guard(actor);
    if (!input.active && input.userId === actor.id) throw new AppError("conflict", "不能停用自己的账号");
    const row = await db.user.update({ where: { id: input.userId }, data: { active: input.active, ...bump } });
    return { ok: true, id: row.id };
  } catch (error) {
    return adminFailure(error);
  }
}

/** Users with their memberships (never the password hash), for the admin page. */
export function listUsers(db: Db) {
  return db.user.findMany({
    orderBy: { username: "asc" },
    select: {
      id: true,
      username: true,
      displayName: true,
      active: true,
      memberships: {
        orderBy: { id: "asc" },
        select: {
          id: true,
          role: true,
          department: { select: { id: true, code: true, name: true, region: { select: { code: true } } } },
          subUnit: { select: { code: true, name: true } },
          region: { select: { id: true, code: true, name: true } },
        },
      },
    },
  });
}
