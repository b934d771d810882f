import { readFileSync } from "node:fs";
import path from "node:path";
import { sharedDir } from "@/lib/catalog/reference";
import { hashPassword } from "@/lib/auth/verify-credentials";
import { freezeSnapshot } from "@/lib/workflow/freeze-snapshot";
import type { BudgetStatus } from "@/generated/prisma/client";
import type { Db } from "./client";
import { importPackageText } from "./budgets/import-package";
import { DEMO_BUDGETS, DEMO_PASSWORD, DEMO_REGION, DEMO_USERS, PATH_TO } from "./demo";

const ACTION: Record<BudgetStatus, string> = {
  DRAFT: "create",
  SUBMITTED: "submit",
  RETURNED: "return",
  APPROVED: "approve",
  PUBLISHED: "publish",
};

/**
 * Loads the demo district: its departments' budgets from shared/fixtures (each taken to its demo
 * status with a trail, the published one with its frozen snapshot) and the demo accounts.
 * Only what is missing is created, so a second run keeps everything users changed.
 */
export async function seedDemo(db: Db, log: (line: string) => void) {
  await db.region.upsert({ where: { code: DEMO_REGION.code }, create: DEMO_REGION, update: {} });

  const loaded: { budgetId: number; unit: string; status: BudgetStatus; file: string }[] = [];
  for (const demo of DEMO_BUDGETS) {
    const text = readFileSync(path.join(sharedDir(), "fixtures", demo.file), "utf8");
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
}

async function walkToStatus(db: Db, budgetId: number, unit: string, target: BudgetStatus) {
  let from: BudgetStatus = "DRAFT";
  for (const to of PATH_TO[target]) {
    // The department's accountant submits; the district's reviewer does the rest.
    const username = to === "SUBMITTED" ? `accountant.${unit}` : `reviewer.${DEMO_REGION.code}`;
    const actor = await db.user.findUnique({ where: { username } });
    await db.$transaction(async (tx) => {
      const budget = await tx.budget.update({
        where: { id: budgetId },
        data: {
          status: to,
          version: { increment: 1 },
          ...(to === "SUBMITTED" ? { submittedAt: new Date() } : {}),
          ...(to === "APPROVED" ? { approvedAt: new Date() } : {}),
          ...(to === "PUBLISHED" ? { publishedAt: new Date() } : {}),
        },
      });
      if (to === "PUBLISHED") await freezeSnapshot(tx, budgetId, actor?.id ?? null);
      await tx.budgetEvent.create({
        data: { budgetId, actorId: actor?.id ?? null, action: ACTION[to], fromStatus: from, toStatus: to, version: budget.version, comment: "演示数据" },
      });
    });
    from = to;
  }
}

async function seedUsers(db: Db) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const u of DEMO_USERS) {
    if (await db.user.findUnique({ where: { username: u.username } })) continue;
    const region = u.region ? await db.region.findUnique({ where: { code: u.region } }) : null;
    const department =
      u.department && region
        ? await db.department.findUnique({ where: { regionId_code: { regionId: region.id, code: u.department } } })
        : null;
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
          },
        },
      },
    });
  }
}
