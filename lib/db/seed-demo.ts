import { readFileSync } from "node:fs";
import path from "node:path";
import { DATA_DIR } from "@/lib/catalog/reference";
import { hashPassword } from "@/lib/auth/password";
import { sessionUserByName } from "./queries/session-user";
import { approveBudget } from "@/lib/workflow/approve-budget";
import { publishBudget } from "@/lib/workflow/publish-budget";
import { returnBudget } from "@/lib/workflow/return-budget";
import { submitBudget } from "@/lib/workflow/submit-budget";
import type { BudgetStatus } from "@/generated/prisma/client";
import type { Db } from "./client";
import { importPackageText } from "./budgets/import-package";
import { DEMO_BUDGETS, DEMO_FINAL_DRAFTS, DEMO_FINALS, DEMO_PASSWORD, DEMO_REGION, DEMO_SUB_UNITS, DEMO_USERS, PATH_TO } from "./demo";
import { createFinalFromBudget } from "@/lib/workflow/start-final";

/**
 * Loads the demo district: its departments' budgets from data/demo (each taken to its demo
 * status with a trail, the published one with its frozen snapshot) and the demo accounts.
 * Only what is missing is created, so a second run keeps everything users changed.
 */
export async function seedDemo(db: Db, log: (line: string) => void) {
  await db.region.upsert({ where: { code: DEMO_REGION.code }, create: DEMO_REGION, update: {} });

  const loaded: { budgetId: number; unit: string; status: BudgetStatus; file: string }[] = [];
  for (const demo of DEMO_BUDGETS) {
    const text = readFileSync(path.join(DATA_DIR, "demo", demo.file), "utf8");
    const { unit, year } = JSON.parse(text) as { unit: { code: string }; year: number };
    const exists = await db.budget.findFirst({
      where: { year, kind: "budget", department: { code: unit.code, region: { code: DEMO_REGION.code } } },
    });
    if (exists) continue;
    const result = await importPackageText(db, text, { status: "DRAFT" });
    if (!result.ok) throw new Error(`演示数据 ${demo.file} 导入失败：${result.errors.map((e) => e.message).join("；")}`);
    loaded.push({ budgetId: result.budgetId, unit: unit.code, status: demo.status, file: demo.file });
  }

  await seedUsers(db);
  for (const l of loaded) {
    await walkToStatus(db, l.budgetId, l.unit, l.status);
    log(`载入演示预算 ${l.file}`);
  }
  await seedFinals(db, log);
}

/** The demo 决算 (after the budgets, so that each department's budget is its first row). */
async function seedFinals(db: Db, log: (line: string) => void) {
  for (const demo of DEMO_FINALS) {
    const text = readFileSync(path.join(DATA_DIR, "demo", demo.file), "utf8");
    const { unit, year } = JSON.parse(text) as { unit: { code: string }; year: number };
    const exists = await db.budget.findFirst({ where: { year, kind: "final", department: { code: unit.code, region: { code: DEMO_REGION.code } } } });
    if (exists) continue;
    const result = await importPackageText(db, text, { status: "DRAFT" });
    if (!result.ok) throw new Error(`演示数据 ${demo.file} 导入失败：${result.errors.map((e) => e.message).join("；")}`);
    await walkToStatus(db, result.budgetId, unit.code, demo.status);
    log(`载入演示决算 ${demo.file}`);
  }
  for (const draft of DEMO_FINAL_DRAFTS) {
    const where = { year: draft.year, department: { code: draft.unit, region: { code: DEMO_REGION.code } } };
    if (await db.budget.findFirst({ where: { ...where, kind: "final" } })) continue;
    const budget = await db.budget.findFirst({ where: { ...where, kind: "budget" } });
    if (!budget) continue;
    // The demo budget of 134 is a draft (the workspace demos edit it); startFinal would wait for
    // its approval, so the demo creates the draft 决算 from it directly, as startFinal would.
    const result = await db.$transaction((tx) => createFinalFromBudget(tx, budget.id, null));
    if (!result.ok) throw new Error(`演示决算 ${draft.unit} ${draft.year} 无法生成：${result.message}`);
    log(`生成演示决算草稿 ${draft.unit} ${draft.year}`);
  }
}

/**
 * Takes a demo budget to its status through the real workflow use cases, so its trail, frozen
 * submission and published snapshot are exactly what the app itself would have made.
 */
async function walkToStatus(db: Db, budgetId: number, unit: string, target: BudgetStatus) {
  for (const to of PATH_TO[target]) {
    // The department's accountant submits; the district's reviewer does the rest.
    const actor = await sessionUserOf(db, to === "SUBMITTED" ? `accountant.${unit}` : `reviewer.${DEMO_REGION.code}`);
    const { version } = await db.budget.findUniqueOrThrow({ where: { id: budgetId }, select: { version: true } });
    const input = { budgetId, expectedVersion: version, comment: "演示数据" };
    const result = await STEP[to](db, actor, input);
    if (!result.ok) throw new Error(`演示预算 ${unit} 无法${to}：${result.message}`);
  }
}

const STEP: Record<BudgetStatus, typeof submitBudget> = {
  DRAFT: () => Promise.reject(new Error("a draft is where every budget starts")),
  SUBMITTED: submitBudget,
  RETURNED: returnBudget,
  APPROVED: approveBudget,
  PUBLISHED: publishBudget,
};

const sessionUserOf = sessionUserByName;

async function seedUsers(db: Db) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const region = await db.region.findUniqueOrThrow({ where: { code: DEMO_REGION.code } });
  for (const s of DEMO_SUB_UNITS) {
    const department = await db.department.findUnique({ where: { regionId_code: { regionId: region.id, code: s.department } } });
    if (!department) continue;
    await db.subUnit.upsert({
      where: { departmentId_code: { departmentId: department.id, code: s.code } },
      create: { departmentId: department.id, code: s.code, name: s.name },
      update: {},
    });
  }
  for (const u of DEMO_USERS) {
    if (await db.user.findUnique({ where: { username: u.username } })) continue;
    const region = u.region ? await db.region.findUnique({ where: { code: u.region } }) : null;
    const department =
      u.department && region ? await db.department.findUnique({ where: { regionId_code: { regionId: region.id, code: u.department } } }) : null;
    const subUnit =
      u.subUnit && department ? await db.subUnit.findUnique({ where: { departmentId_code: { departmentId: department.id, code: u.subUnit } } }) : null;
    await db.user.create({
      data: {
        username: u.username,
        displayName: u.displayName,
        passwordHash,
        memberships: {
          create: {
            role: u.role,
            regionId: u.role === "REVIEWER" ? (region?.id ?? null) : null,
            departmentId: u.role === "ACCOUNTANT" ? (department?.id ?? null) : null,
            subUnitId: subUnit?.id ?? null,
          },
        },
      },
    });
  }
}
