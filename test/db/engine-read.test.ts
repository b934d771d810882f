import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/permissions";
import { importPackageText } from "@/lib/db/budgets/import-package";
import { loadForEngine, loadManyForEngine } from "@/lib/db/budgets/load-for-engine";
import { budgetContentInclude, budgetFromRows } from "@/lib/db/budgets/read-budget";
import { loadCatalog, loadCrosswalk } from "@/lib/db/catalog-store";
import type { Prisma } from "@/lib/db/client";
import type { Budget } from "@/lib/budget/model";
import { priorYearFromBudget } from "@/lib/budget/compute/prior-year";
import { packageToBudget } from "@/lib/budget/package/to-budget";
import { parsePackageValue } from "@/lib/budget/package/schema";
import { budgetScope, publishedScope } from "@/lib/db/scope";
import { consolidate } from "@/lib/budget/consolidate";
import { seedDemo } from "@/lib/db/seed-demo";
import { startNextYear } from "@/lib/workflow/start-next-year";
import { freshDatabase, type TestDatabase } from "../helpers/database";
import { fixturePackages } from "../helpers/fixtures";
import { sessionUser } from "../helpers/users";

let t: TestDatabase;
let users: SessionUser[];

beforeAll(async () => {
  t = await freshDatabase();
  await seedDemo(t.db, () => undefined);
  // Every fixture once more as a department of its own, so that each is read whatever the demo holds.
  for (const [i, f] of fixturePackages().entries()) {
    const code = (JSON.parse(f.text) as { unit: { code: string } }).unit.code;
    // The unit's own code prefixes its sub-units' (111 → 111001): they move with it.
    const pkg = JSON.parse(f.text.replaceAll(`"${code}`, `"9${String(i).padStart(2, "0")}`));
    pkg.unit.name = `读取测试单位${i}`;
    const result = await importPackageText(t.db, JSON.stringify(pkg), { status: i % 2 === 0 ? "APPROVED" : "SUBMITTED" });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
  }
  // Empty and non-empty arrays of text (a budget may list no functions; most use the template's tables).
  await t.db.budget.updateMany({ where: { unitName: "读取测试单位0" }, data: { functions: [], disclosureTables: [] } });
  await t.db.budget.updateMany({ where: { unitName: "读取测试单位1" }, data: { disclosureTables: ["T1", "T3"] } });
  // A list column left NULL (a budget created without one) reads as Prisma reads it: empty.
  await t.db.$executeRaw`update "Budget" set functions = null where "unitName" = '读取测试单位2'`;
  users = await Promise.all(["admin", "reviewer.500109", "accountant.104", "accountant.111"].map((u) => sessionUser(t.db, u)));
  // Budgets with a last year: approved, published, and published then reopened (its snapshot stands).
  const admin = users[0]!;
  for (const last of await t.db.budget.findMany({ where: { kind: "budget", status: { in: ["APPROVED", "PUBLISHED"] } }, orderBy: { id: "asc" } })) {
    const accountant: SessionUser = { ...admin, memberships: [{ role: "ACCOUNTANT", departmentId: last.departmentId, regionId: null }] };
    const next = await startNextYear(t.db, accountant, { fromBudgetId: last.id });
    if (!next.ok) throw new Error(next.message);
  }
  const published = await t.db.budget.findFirstOrThrow({ where: { kind: "budget", status: "PUBLISHED" } });
  const reopened = await t.db.budget.findFirstOrThrow({ where: { departmentId: published.departmentId, year: published.year + 1 } });
  expect(reopened).toBeTruthy();
  await t.db.budget.update({ where: { id: published.id }, data: { status: "DRAFT" } });
});
afterAll(async () => t.drop());

/**
 * The read the statement replaced, as the reference: Prisma's include tree for the budget (the
 * editor's read, lib/db/budgets/read-budget.ts) and for last year's, which gives 上年预算数 once
 * approved or published, else its current published snapshot.
 */
async function prismaRead(ids: number[], scope: Prisma.BudgetWhereInput) {
  const rows = await t.db.budget.findMany({ where: { AND: [scope, { id: { in: ids } }] }, include: budgetContentInclude, orderBy: { id: "asc" } });
  // A department budget is read as the consolidation of its units' budgets (部门汇总).
  const model = async (row: Prisma.BudgetGetPayload<{ include: typeof budgetContentInclude }>): Promise<Budget> => {
    if (row.subUnitId !== null) return budgetFromRows(row);
    const units = await t.db.budget.findMany({
      where: { departmentId: row.departmentId, year: row.year, kind: row.kind, subUnitId: { not: null } },
      include: { ...budgetContentInclude, unit: true },
      orderBy: { unit: { code: "asc" } },
    });
    return consolidate(
      budgetFromRows(row),
      units.map((u) => ({ code: u.unit!.code, name: u.unit!.name, budget: budgetFromRows(u) })),
    );
  };
  const out = [];
  for (const row of rows) {
    const last = await t.db.budget.findFirst({
      where: { departmentId: row.departmentId, year: row.year - 1, kind: row.kind, subUnitId: row.subUnitId },
      include: { ...budgetContentInclude, snapshots: { where: { supersededAt: null }, take: 1 } },
    });
    let lastBudget: Budget | undefined;
    if (last && (last.status === "APPROVED" || last.status === "PUBLISHED")) lastBudget = await model(last);
    else if (last?.snapshots[0]) {
      const parsed = parsePackageValue(last.snapshots[0].package);
      if (parsed.ok) lastBudget = packageToBudget(parsed.pkg);
    }
    const prior = lastBudget && priorYearFromBudget(lastBudget, await loadCrosswalk(t.db, row.year - 1, row.year));
    const catalog = await loadCatalog(t.db, row.year);
    out.push({ id: row.id, status: row.status, version: row.version, budget: await model(row), catalog, ...(prior ? { prior } : {}) });
  }
  return out;
}

describe("a budget read for the engine in one statement", () => {
  it("is exactly what the Prisma read returns, for every budget, its last year included", async () => {
    const ids = (await t.db.budget.findMany({ where: { kind: "budget" }, select: { id: true }, orderBy: { id: "asc" } })).map((b) => b.id);
    expect(ids.length).toBeGreaterThan(8);
    let withPrior = 0;
    for (const id of ids) {
      const now = await loadForEngine(t.db, id, {});
      expect(now).toEqual((await prismaRead([id], {}))[0]);
      if (now?.prior) withPrior += 1;
      // Amounts are decimal.js values read from exact text, not numbers.
      for (const line of now!.budget.basicExpenditure) expect(typeof line.amount).toBe("object");
    }
    expect(withPrior).toBeGreaterThanOrEqual(3);
  });

  it("reads many budgets as it reads each, inside each user's scope and the public's", async () => {
    const ids = (await t.db.budget.findMany({ where: { kind: "budget" }, select: { id: true } })).map((b) => b.id);
    const scopes = [{}, publishedScope, ...users.flatMap((u) => [budgetScope(u, "budget.read"), budgetScope(u, "budget.review")])];
    for (const scope of scopes) {
      const now = await loadManyForEngine(t.db, ids, scope);
      const before = await prismaRead(ids, scope);
      expect(now.map((e) => e.id)).toEqual(before.map((e) => e.id));
      expect(now).toEqual(before);
    }
  });

  it("finds nothing outside the scope", async () => {
    const draft = await t.db.budget.findFirstOrThrow({ where: { kind: "budget", status: "DRAFT" } });
    const reviewer = users[1]!;
    expect(await loadForEngine(t.db, draft.id, budgetScope(reviewer, "budget.review"))).toBeNull();
    expect(await loadForEngine(t.db, draft.id, { id: { in: [] } })).toBeNull();
  });

  it("refuses a scope it cannot translate rather than widening it", async () => {
    await expect(loadForEngine(t.db, 1, { unitName: "x" })).rejects.toThrow(/unsupported scope/);
  });
});

describe("last year's 上年 figures, kept (PriorFigures)", () => {
  /** A budget with a last year that gives it 上年 figures, and that last year's budget. */
  async function pair() {
    for (const last of await t.db.budget.findMany({
      where: { kind: "budget", subUnitId: null, status: { in: ["APPROVED", "PUBLISHED"] } },
      orderBy: { id: "asc" },
    })) {
      const next = await t.db.budget.findFirst({ where: { departmentId: last.departmentId, year: last.year + 1, kind: "budget", subUnitId: null } });
      if (next) return { last, next };
    }
    throw new Error("no budget with an approved last year");
  }

  /** The kept figures of `lastId` changed in place, key untouched: a read that uses them shows 1.23 as 上年 basic. */
  const tamper = (lastId: number) => t.db.$executeRaw`update "PriorFigures" set figures = jsonb_set(figures, '{basic}', '"1.23"') where "budgetId" = ${lastId}`;

  async function readsAsPrisma(id: number) {
    const now = await loadForEngine(t.db, id, {});
    expect(now).toEqual((await prismaRead([id], {}))[0]);
    return now!;
  }

  it("are read from the cache while their key holds, and computed afresh once any input changes", async () => {
    const { last, next } = await pair();
    const first = await readsAsPrisma(next.id);
    expect(first.prior).toBeDefined();
    const kept = await t.db.priorFigures.findUniqueOrThrow({ where: { budgetId: last.id } });
    expect(kept.figures).toMatchObject({ basic: first.prior!.basic.toString() });

    // The second read takes the kept figures, not last year's rows: a changed copy shows.
    expect(await tamper(last.id)).toBe(1);
    expect((await loadForEngine(t.db, next.id, {}))!.prior!.basic.toString()).toBe("1.23");

    // Each input of the key, changed in turn, makes the next read compute them again.
    const changes: [string, () => Promise<unknown>][] = [
      [
        "last year's content",
        async () => {
          const line = await t.db.basicLine.findFirstOrThrow({ where: { budgetId: last.id, fund: "generalBudget" }, orderBy: { position: "asc" } });
          await t.db.basicLine.update({ where: { id: line.id }, data: { amount: line.amount.plus(100) } });
          await t.db.budget.update({ where: { id: last.id }, data: { version: { increment: 1 } } });
        },
      ],
      [
        "a unit's budget of last year's department",
        async () => {
          const department = await t.db.department.findUniqueOrThrow({ where: { id: last.departmentId } });
          const unit = await t.db.subUnit.create({ data: { departmentId: last.departmentId, code: `${department.code}099`, name: "上年缓存测试单位" } });
          await t.db.budget.create({
            data: {
              departmentId: last.departmentId,
              subUnitId: unit.id,
              year: last.year,
              kind: "budget",
              status: "APPROVED",
              unitName: unit.name,
              functions: [],
              basicLines: { create: [{ position: 0, functionCode: line0.functionCode, economicCode: line0.economicCode, amount: "5000.00" }] },
            },
          });
        },
      ],
      [
        "that unit's budget changed",
        async () => {
          const unitBudget = await t.db.budget.findFirstOrThrow({ where: { departmentId: last.departmentId, year: last.year, subUnitId: { not: null } } });
          await t.db.basicLine.updateMany({ where: { budgetId: unitBudget.id }, data: { amount: "7000.00" } });
          await t.db.budget.update({ where: { id: unitBudget.id }, data: { version: { increment: 1 } } });
        },
      ],
      [
        "the catalogue of the year",
        () => t.db.catalogRevision.upsert({ where: { year: next.year }, create: { year: next.year, revision: 1 }, update: { revision: { increment: 1 } } }),
      ],
      [
        "the catalogue of last year",
        () => t.db.catalogRevision.upsert({ where: { year: last.year }, create: { year: last.year, revision: 1 }, update: { revision: { increment: 1 } } }),
      ],
      [
        "last year reopened (its snapshot gives the figures)",
        () => t.db.budget.update({ where: { id: last.id }, data: { status: "DRAFT", version: { increment: 1 } } }),
      ],
    ];
    const line0 = await t.db.basicLine.findFirstOrThrow({ where: { budgetId: last.id }, orderBy: { position: "asc" } });
    const seen = new Set<string>();
    for (const [what, change] of changes) {
      expect(await tamper(last.id), what).toBeLessThanOrEqual(1);
      const key = (await t.db.priorFigures.findUnique({ where: { budgetId: last.id } }))?.key;
      await change();
      const now = await readsAsPrisma(next.id);
      expect(now.prior?.basic.toString(), what).not.toBe("1.23");
      const after = await t.db.priorFigures.findUniqueOrThrow({ where: { budgetId: last.id } });
      expect(after.key, what).not.toBe(key);
      seen.add(now.prior?.basic.toString() ?? "none");
    }
    // The content and unit changes moved the figures, not only the key.
    expect(seen.size).toBeGreaterThanOrEqual(3);
  });

  it("are not written by a read inside a transaction, which computes them", async () => {
    const { last, next } = await pair();
    await t.db.priorFigures.deleteMany({});
    const inside = await t.db.$transaction((tx) => loadForEngine(tx, next.id, {}));
    expect(inside).toEqual((await prismaRead([next.id], {}))[0]);
    expect(await t.db.priorFigures.count()).toBe(0);
    await readsAsPrisma(next.id);
    expect(await t.db.priorFigures.findUnique({ where: { budgetId: last.id } })).not.toBeNull();
  });
});
