import type { Role, SessionUser } from "@/lib/auth/permissions";
import type { BudgetStatus } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { importPackageText } from "@/lib/db/budgets/import-package";
import { fixturePackages } from "../../helpers/fixtures";

/** The petition office's 2024 package, the base every security test varies. */
export function petitionPackage(unit: { code: string; name?: string }): Record<string, unknown> {
  const fixture = fixturePackages().find((f) => f.name === "beibei-petition-office-2024");
  if (!fixture) throw new Error("test/fixtures/beibei-petition-office-2024.package.json is missing");
  const pkg = JSON.parse(fixture.text) as { unit: { code: string; name: string; subUnits?: { code: string }[] } };
  pkg.unit.code = unit.code;
  pkg.unit.name = unit.name ?? `安全测试部门${unit.code}`;
  return pkg as unknown as Record<string, unknown>;
}

/** Imports the petition package as department `code` of 500109, in `status`. */
export async function importDepartmentBudget(
  db: Db,
  code: string,
  opts: { status?: BudgetStatus; name?: string; change?: (pkg: Record<string, unknown>) => void } = {},
): Promise<{ budgetId: number; departmentId: number }> {
  const pkg = petitionPackage({ code, ...(opts.name ? { name: opts.name } : {}) });
  opts.change?.(pkg);
  const result = await importPackageText(db, JSON.stringify(pkg), { status: opts.status ?? "DRAFT" });
  if (!result.ok) throw new Error(`import of ${code} failed: ${result.errors.map((e) => e.message).join("; ")}`);
  const { departmentId } = await db.budget.findUniqueOrThrow({ where: { id: result.budgetId }, select: { departmentId: true } });
  return { budgetId: result.budgetId, departmentId };
}

/** A user with one membership, as the session helper would build it (never signs in: no real hash). */
export async function userWithRole(db: Db, username: string, role: Role, scope: { departmentId?: number; regionId?: number } = {}): Promise<SessionUser> {
  const user = await db.user.create({
    data: {
      username,
      displayName: username,
      passwordHash: "not-a-hash",
      memberships: { create: { role, departmentId: scope.departmentId ?? null, regionId: scope.regionId ?? null } },
    },
  });
  return {
    id: user.id,
    username,
    displayName: username,
    memberships: [{ role, departmentId: scope.departmentId ?? null, regionId: scope.regionId ?? null }],
  };
}

/** Row counts of every table a budget write touches: equal before and after = nothing written. */
export async function rowCounts(db: Db): Promise<Record<string, number>> {
  const entries = await Promise.all(
    [
      ["region", db.region.count()],
      ["department", db.department.count()],
      ["subUnit", db.subUnit.count()],
      ["budget", db.budget.count()],
      ["budgetSubUnit", db.budgetSubUnit.count()],
      ["incomeLine", db.incomeLine.count()],
      ["basicLine", db.basicLine.count()],
      ["project", db.project.count()],
      ["projectIndicator", db.projectIndicator.count()],
      ["performanceIndicator", db.performanceIndicator.count()],
      ["threePublic", db.threePublic.count()],
      ["procurementLine", db.procurementLine.count()],
      ["assetHolding", db.assetHolding.count()],
      ["narrativeReasons", db.narrativeReasons.count()],
      ["priorYear", db.priorYear.count()],
      ["priorFunctionAmount", db.priorFunctionAmount.count()],
      ["budgetEvent", db.budgetEvent.count()],
      ["amountChange", db.$queryRaw<{ n: number }[]>`select coalesce(sum(jsonb_array_length(changes)), 0)::int as n from "BudgetEvent"`.then((r) => r[0]!.n)],
      ["publishedSnapshot", db.publishedSnapshot.count()],
      ["snapshotPdf", db.snapshotPdf.count()],
      ["budgetSubmission", db.budgetSubmission.count()],
    ].map(async ([name, count]) => [name, await count] as const),
  );
  return Object.fromEntries(entries);
}

/** The budget's version and the sum of its stored amounts: any write changes one of them. */
export async function budgetFingerprint(db: Db, budgetId: number): Promise<string> {
  const b = await db.budget.findUniqueOrThrow({
    where: { id: budgetId },
    include: { basicLines: true, income: true, projects: { include: { indicators: true } }, threePublic: true, narrative: true, assets: true },
  });
  return JSON.stringify(b);
}
