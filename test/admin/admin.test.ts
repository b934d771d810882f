import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/permissions";
import { seedDemo } from "@/lib/db/seed-demo";
import { loadCatalog, loadCrosswalk } from "@/lib/db/catalog-store";
import { importCatalog, previewCatalogImport } from "@/lib/admin/import-catalog";
import { createDepartment, createRegion, createSubUnit, renameDepartment } from "@/lib/admin/units";
import { addMembership, createUser, removeMembership, setUserActive } from "@/lib/admin/users";
import { freshDatabase, type TestDatabase } from "../helpers/database";
import { sessionUser } from "../workflow/users";

let t: TestDatabase;
let admin: SessionUser;
let reviewer: SessionUser;

beforeAll(async () => {
  t = await freshDatabase();
  process.env.DATABASE_URL = t.url;
  await seedDemo(t.db, () => undefined);
  admin = await sessionUser(t.db, "admin");
  reviewer = await sessionUser(t.db, "reviewer.500109");
});
afterAll(async () => t.drop());

describe("regions, departments and sub-units", () => {
  let regionId: number;
  let departmentId: number;

  it("an administrator creates them; a duplicate code is refused in Chinese", async () => {
    const region = await createRegion(t.db, admin, { code: "500112", name: "重庆市渝北区" });
    expect(region.ok).toBe(true);
    regionId = region.ok ? region.id : 0;
    expect(await createRegion(t.db, admin, { code: "500112", name: "又一个" })).toMatchObject({ ok: false, message: "区划代码 500112 已存在" });
    const department = await createDepartment(t.db, admin, { regionId, code: "111", name: "渝北区信访办公室" });
    expect(department.ok).toBe(true);
    departmentId = department.ok ? department.id : 0;
    expect(await createDepartment(t.db, admin, { regionId, code: "111", name: "重复" })).toMatchObject({ ok: false, message: "该区划下已有编码为 111 的部门" });
    expect(await createDepartment(t.db, admin, { regionId: 999_999, code: "112", name: "无区划" })).toMatchObject({ ok: false, message: "区划不存在" });
    expect((await createSubUnit(t.db, admin, { departmentId, code: "111001", name: "本级" })).ok).toBe(true);
    expect((await renameDepartment(t.db, admin, { id: departmentId, name: "渝北区信访办" })).ok).toBe(true);
    const stored = await t.db.department.findUniqueOrThrow({ where: { id: departmentId }, include: { subUnits: true } });
    expect(stored).toMatchObject({ code: "111", name: "渝北区信访办", subUnits: [{ code: "111001", name: "本级" }] });
  });

  it("a reviewer cannot manage units", async () => {
    expect(await createRegion(t.db, reviewer, { code: "500113", name: "x" })).toMatchObject({ ok: false, message: "您没有管理单位的权限" });
    expect(await t.db.region.count({ where: { code: "500113" } })).toBe(0);
  });
});

describe("users and memberships", () => {
  it("creates a user with an argon2id-hashed password that signs in", async () => {
    const department = await t.db.department.findFirstOrThrow({ where: { code: "111", region: { code: "500109" } } });
    const result = await createUser(t.db, admin, {
      username: "accountant.111b",
      displayName: "信访办第二会计",
      password: "a-long-password",
      membership: { role: "ACCOUNTANT", departmentId: department.id },
    });
    expect(result.ok).toBe(true);
    const row = await t.db.user.findUniqueOrThrow({ where: { username: "accountant.111b" }, include: { memberships: true } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain("a-long-password");
    expect(row.memberships).toMatchObject([{ role: "ACCOUNTANT", departmentId: department.id, regionId: null }]);
    const { verifyCredentials } = await import("@/lib/auth/verify-credentials");
    const signedIn = await verifyCredentials("accountant.111b", "a-long-password", "admin-test");
    expect(signedIn.ok && signedIn.user.username).toBe("accountant.111b");
    expect(
      await createUser(t.db, admin, { username: "accountant.111b", displayName: "x", password: "a-long-password", membership: { role: "ADMIN" } }),
    ).toMatchObject({
      ok: false,
      message: "用户名 accountant.111b 已被使用",
    });
  });

  it("refuses a membership without its scope, a duplicate, and removing the last administrator", async () => {
    const user = await t.db.user.findUniqueOrThrow({ where: { username: "accountant.111b" } });
    expect(await addMembership(t.db, admin, { userId: user.id, role: "REVIEWER" })).toMatchObject({ ok: false, message: "财政局审核员必须选择所属区划" });
    const department = await t.db.department.findFirstOrThrow({ where: { code: "111", region: { code: "500109" } } });
    expect(await addMembership(t.db, admin, { userId: user.id, role: "ACCOUNTANT", departmentId: department.id })).toMatchObject({
      ok: false,
      message: "该用户已有这个角色",
    });
    const adminMembership = await t.db.membership.findFirstOrThrow({ where: { role: "ADMIN" } });
    expect(await removeMembership(t.db, admin, { membershipId: adminMembership.id })).toMatchObject({
      ok: false,
      message: "这是最后一个系统管理员角色，不能删除",
    });
    expect(await setUserActive(t.db, admin, { userId: admin.id, active: false })).toMatchObject({ ok: false, message: "不能停用自己的账号" });
    expect(await createUser(t.db, reviewer, { username: "x.y", displayName: "x", password: "a-long-password", membership: { role: "ADMIN" } })).toMatchObject({
      ok: false,
      message: "您没有管理用户的权限",
    });
  });
});

describe("importing a year's catalogue from CSV", () => {
  const functions = "code,name,level\n201,一般公共服务支出,1\n20140,信访事务,2\n2014001,行政运行（新名称）,3\n2014099,其他信访事务支出,3\n";

  it("previews additions and renames without writing anything", async () => {
    const before = await t.db.functionSubject.count({ where: { year: 2026 } });
    const result = await previewCatalogImport(t.db, admin, { year: 2026, kind: "function", text: functions });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.preview).toMatchObject({ rows: 4, errors: [], unchanged: 2 });
    expect(result.preview.added).toEqual([{ code: "2014099", name: "其他信访事务支出" }]);
    expect(result.preview.changed).toEqual([{ code: "2014001", before: "行政运行", after: "行政运行（新名称）" }]);
    expect(await t.db.functionSubject.count({ where: { year: 2026 } })).toBe(before);
  });

  it("imports the file in one go, and refuses a file with a bad row as a whole", async () => {
    const stored = await importCatalog(t.db, admin, { year: 2026, kind: "function", text: functions });
    expect(stored).toEqual({ ok: true, stored: 4 });
    const catalog = (await loadCatalog(t.db, 2026))!;
    expect(catalog.functions.get("2014099")?.name).toBe("其他信访事务支出");
    expect(catalog.functions.get("2014001")?.name).toBe("行政运行（新名称）");

    const bad = await importCatalog(t.db, admin, {
      year: 2027,
      kind: "economic",
      text: "code,name,level,category\n30101,基本工资,2,personnel\n30199,其他,2,salary\n",
    });
    expect(bad).toMatchObject({
      ok: false,
      message: "文件有 1 处错误，未导入任何内容",
      errors: ["支出经济分类科目：第 3 行“category”列应为 personnel、public、capital、other 之一，实际为“salary”"],
    });
    expect(await t.db.economicSubject.count({ where: { year: 2027 } })).toBe(0);
  });

  it("imports a crosswalk from last year to the chosen year, used for prior-year figures", async () => {
    const result = await importCatalog(t.db, admin, { year: 2024, kind: "crosswalk", text: "fromCode,toCode\n2010308,2014004\n" });
    expect(result).toEqual({ ok: true, stored: 1 });
    expect(await loadCrosswalk(t.db, 2023, 2024)).toEqual({ "2010308": "2014004" });
  });

  it("is for administrators only", async () => {
    expect(await importCatalog(t.db, reviewer, { year: 2026, kind: "function", text: functions })).toMatchObject({
      ok: false,
      message: "您没有导入科目目录的权限",
    });
  });
});
