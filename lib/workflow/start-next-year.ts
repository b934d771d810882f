import type { SessionUser } from "@/lib/auth/permissions";
import { hasPermission } from "@/lib/auth/permissions";
import { priorYearFromBudget } from "@/lib/budget/compute/prior-year";
import type { Budget } from "@/lib/budget/model";
import type { Db } from "@/lib/db/client";
import type { Result } from "@/lib/result";
import { loadCatalog, loadCrosswalk } from "@/lib/db/catalog-store";
import { budgetScope } from "@/lib/db/scope";
import { budgetFromRows } from "@/lib/db/budgets/read-budget";
import { findBudgetWithContent } from "@/lib/db/budgets/content-sql";
import { budgetColumns, writeBudgetContent } from "@/lib/db/budgets/write-budget";
import { recordEvent } from "@/lib/db/budgets/commit-content";

/** Budgets whose figures may become next year's 上年 column (报送稿 are marked provisional in the list). */
export const NEXT_YEAR_FROM = ["SUBMITTED", "APPROVED", "PUBLISHED"] as const;

export type StartResult = Result<{ budgetId: number }>;

/**
 * The next year's draft, started from this one: the department's data, sub-units, basic lines
 * and ongoing projects with their indicators carry over (function codes mapped through the
 * catalogue crosswalk) as a starting point, the reasons are cleared (they explain a change that
 * has not happened yet), and the prior-year column is filled from this budget.
 */
export async function startNextYear(db: Db, actor: SessionUser, input: { fromBudgetId: number }): Promise<StartResult> {
  if (!hasPermission(actor, "budget.edit")) return { ok: false, code: "refused", message: "您没有编制预算的权限" };
  return db.$transaction(
    async (tx) => {
      const row = await findBudgetWithContent(tx, { AND: [budgetScope(actor, "budget.edit"), { id: input.fromBudgetId }] });
      if (!row) return { ok: false as const, code: "refused", message: "未找到该预算" };
      // The new budget's 上年 column is this budget's figures: never those of a draft still being changed.
      if (!(NEXT_YEAR_FROM as readonly string[]).includes(row.status)) {
        return {
          ok: false as const,
          code: "refused",
          message: "该预算还在编制中（或已退回修改），其数字不能作为下一年的上年数；请在报送并审核通过后再编制下一年预算",
        };
      }
      const year = row.year + 1;
      const existing = await tx.budget.findFirst({
        where: { departmentId: row.departmentId, year, kind: row.kind, subUnitId: row.subUnitId },
      });
      if (existing) return { ok: false as const, code: "refused", message: `${year} 年预算已存在` };
      if (!(await loadCatalog(tx, year))) return { ok: false as const, code: "refused", message: `数据库中没有 ${year} 年的科目目录，请联系管理员导入` };
      const crosswalk = await loadCrosswalk(tx, row.year, year);
      const last = budgetFromRows(row);
      const mapCode = (code: string) => crosswalk[code] ?? code;
      const next: Budget = {
        ...last,
        year,
        basicExpenditure: mergeLines(last.basicExpenditure.map((l) => ({ ...l, function: mapCode(l.function) }))),
        projects: last.projects.map((p) => ({ ...p, function: mapCode(p.function) })),
        narrative: { threePublic: {} },
        priorYear: priorYearFromBudget(last, crosswalk),
      };
      // Codes the new year's catalogue no longer has stay visible to the accountant as findings
      // (catalogue.function-code-valid) rather than being dropped silently.
      const created = await tx.budget.create({
        data: { departmentId: row.departmentId, subUnitId: row.subUnitId, year, kind: row.kind, status: "DRAFT", ...budgetColumns(next) },
      });
      await writeBudgetContent(tx, created.id, row.departmentId, next);
      await recordEvent(
        tx,
        {
          budgetId: created.id,
          status: "DRAFT",
          version: created.version,
          actorId: actor.id,
          action: "create.next-year",
          comment: `由 ${row.year} 年预算结转生成`,
        },
        null,
        next,
      );
      return { ok: true as const, budgetId: created.id };
    },
    { timeout: 30_000 },
  );
}

/** Two old codes mapped to one new code would collide: their lines are merged. */
function mergeLines(lines: Budget["basicExpenditure"]): Budget["basicExpenditure"] {
  const byKey = new Map<string, Budget["basicExpenditure"][number]>();
  for (const l of lines) {
    const key = `${l.function}|${l.economic}|${l.fund}`;
    const seen = byKey.get(key);
    byKey.set(key, seen ? { ...seen, amount: seen.amount.plus(l.amount) } : { ...l });
  }
  return [...byKey.values()];
}
