import Decimal from "decimal.js";
import { hashPassword } from "@/lib/auth/password";
import type { Fund } from "@/lib/budget/model";
import type { Db } from "./client";
import { DEMO_PASSWORD, DEMO_REGION } from "./demo";

/** The demo's year of 控制数: the year after the demo budgets, which the accountants start. */
export const DEMO_CEILING_YEAR = 2025;

/**
 * The demo district's two review stages (业务科室初审 by reviewer.500109, 局领导审定 by
 * budgetchief.500109) and its issued 2025 控制数: each department's 2024 (or latest) budget by
 * fund and 基本/项目, plus 10 % headroom rounded up to the 万元, so the demo's next year passes.
 * Kept apart from seedDemo, whose one-step review the workflow tests rely on; only what is
 * missing is created.
 */
export async function seedDemoReview(db: Db, log: (line: string) => void) {
  const region = await db.region.findUniqueOrThrow({ where: { code: DEMO_REGION.code } });
  if ((await db.reviewStage.count({ where: { regionId: region.id } })) === 0) {
    const first = await db.reviewStage.create({ data: { regionId: region.id, position: 1, name: "业务科室初审" } });
    const second = await db.reviewStage.create({ data: { regionId: region.id, position: 2, name: "局领导审定" } });
    await db.membership.updateMany({ where: { user: { username: `reviewer.${DEMO_REGION.code}` }, role: "REVIEWER" }, data: { reviewStageId: first.id } });
    if (!(await db.user.findUnique({ where: { username: `budgetchief.${DEMO_REGION.code}` } }))) {
      await db.user.create({
        data: {
          username: `budgetchief.${DEMO_REGION.code}`,
          displayName: "北碚区财政局分管局领导",
          passwordHash: await hashPassword(DEMO_PASSWORD),
          memberships: { create: { role: "REVIEWER", regionId: region.id, reviewStageId: second.id } },
        },
      });
    }
    log("设置演示审核阶段：业务科室初审 → 局领导审定");
  }
  const departments = await db.department.findMany({ where: { regionId: region.id }, select: { id: true, code: true } });
  for (const d of departments) {
    if ((await db.ceiling.count({ where: { departmentId: d.id, year: DEMO_CEILING_YEAR } })) > 0) continue;
    const latest = await db.budget.findFirst({
      where: { departmentId: d.id, kind: "budget", year: { lt: DEMO_CEILING_YEAR } },
      orderBy: { year: "desc" },
      select: { basicLines: { select: { fund: true, amount: true } }, projects: { select: { fund: true, amount: true } } },
    });
    if (!latest) continue;
    const sums = new Map<string, Decimal>();
    const add = (fund: Fund, kind: "basic" | "project", amount: { toString(): string }) =>
      sums.set(`${fund}|${kind}`, (sums.get(`${fund}|${kind}`) ?? new Decimal(0)).plus(amount.toString()));
    for (const l of latest.basicLines) add(l.fund, "basic", l.amount);
    for (const p of latest.projects) add(p.fund, "project", p.amount);
    const issuedAt = new Date();
    for (const [key, used] of sums) {
      const [fund, kind] = key.split("|") as [Fund, "basic" | "project"];
      const amount = used.times("1.1").dividedBy(10_000).toDecimalPlaces(0, Decimal.ROUND_UP).times(10_000);
      await db.ceiling.create({ data: { departmentId: d.id, year: DEMO_CEILING_YEAR, fund, kind, amount: amount.toFixed(2), issuedAt } });
    }
    log(`下达演示控制数：部门 ${d.code} ${DEMO_CEILING_YEAR} 年 ${sums.size} 项`);
  }
}
