import Decimal from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/permissions";
import { INTERNAL_TRANSFER_CATEGORIES } from "@/lib/budget/consolidate";
import { discloseBudget } from "@/lib/budget/disclose";
import { loadForEngine } from "@/lib/db/budgets/load-for-engine";
import { budgetScope } from "@/lib/db/scope";
import { seedDemo } from "@/lib/db/seed-demo";
import { createBudget } from "@/lib/workflow/create-budget";
import { reviewUnitBudget } from "@/lib/workflow/review-unit-budget";
import { saveSection } from "@/lib/workflow/save-section";
import { submitBudget } from "@/lib/workflow/submit-budget";
import { SECTIONS, type SectionId } from "@/lib/workspace/sections";
import { workingPackage } from "@/lib/workspace/serialize";
import { freshDatabase, type TestDatabase } from "../helpers/database";
import { sessionUser } from "../helpers/users";

/**
 * Issue 18: the internal transfers between a department's units, stored as each unit's accountant
 * saves them, are eliminated when the department's budget is read (部门汇总) — and a transfer
 * whose two sides differ stops the department's 报送 with the rule's finding. 本级 (104001) pays
 * 区信息中心 (104002) 300,000 元 as 对附属单位补助; the centre spends what it receives.
 */
let t: TestDatabase;
let department: SessionUser, parent: SessionUser, child: SessionUser;
let departmentBudget: number, parentBudget: number, childBudget: number;
const version = async (id: number) => (await t.db.budget.findUniqueOrThrow({ where: { id } })).version;

async function save<S extends SectionId>(user: SessionUser, budgetId: number, section: S, change: (values: ReturnType<(typeof SECTIONS)[S]["pick"]>) => void) {
  const input = (await loadForEngine(t.db, budgetId, budgetScope(user, "budget.read"), { ownPartOnly: true }))!;
  const values = SECTIONS[section].pick(workingPackage(input.budget, input.prior)) as ReturnType<(typeof SECTIONS)[S]["pick"]>;
  change(values);
  const saved = await saveSection(t.db, user, { budgetId, expectedVersion: await version(budgetId), section, values });
  expect(saved, JSON.stringify(saved)).toMatchObject({ ok: true });
}

/** The centre's side: income received from 本级 and one basic line spending it. */
async function childReceives(amount: string) {
  await save(child, childBudget, "income", (v) => {
    v.superiorSubsidy = amount;
  });
  await save(child, childBudget, "basic", (v) => {
    v.basicExpenditure = [{ function: "2010350", economic: "30201", fund: "superiorSubsidy", amount }];
  });
}

beforeAll(async () => {
  t = await freshDatabase();
  await seedDemo(t.db, () => undefined);
  [department, parent, child] = (await Promise.all(["accountant.104", "accountant.104.1", "accountant.104.2"].map((u) => sessionUser(t.db, u)))) as [
    SessionUser,
    SessionUser,
    SessionUser,
  ];
  const departmentId = department.memberships[0]!.departmentId!;
  const ids: number[] = [];
  for (const user of [department, parent, child]) {
    const created = await createBudget(t.db, user, { departmentId, year: 2025 });
    if (!created.ok) throw new Error(created.message);
    ids.push(created.budgetId);
  }
  [departmentBudget, parentBudget, childBudget] = ids as [number, number, number];
  // 本级: 300,000 元 of its general budget paid down to the centre, and 20,000 元 of its own spending.
  await save(parent, parentBudget, "income", (v) => {
    v.generalBudget = "320000.00";
  });
  await save(parent, parentBudget, "basic", (v) => {
    v.basicExpenditure = [{ function: "2010301", economic: "30201", fund: "generalBudget", amount: "20000.00" }];
  });
  await save(parent, parentBudget, "projects", (v) => {
    v.projects = [
      {
        code: "50010925T000000000001",
        name: "对区信息中心补助",
        subUnit: "104002",
        function: "2010350",
        fund: "generalBudget",
        amount: "300000.00",
        ownArrangement: "300000.00",
        superiorSubsidy: "0",
        category: INTERNAL_TRANSFER_CATEGORIES.subsidy,
        summary: "本级对区信息中心的补助",
        basis: "部门预算安排",
        goal: "保障区信息中心运行",
        executionRateWeight: "10",
        disclose: false,
        indicators: [{ level1: "产出指标", level2: "数量指标", name: "保障单位数", unit: "个", operator: "=", value: "1", weight: "90", core: true }],
      },
    ];
  });
});
afterAll(async () => t.drop());

describe("internal transfers between a department's units, through the database", () => {
  it("eliminates a matched 对附属单位补助: the department counts the money once, under the payer's fund", async () => {
    await childReceives("300000.00");
    const read = (await loadForEngine(t.db, departmentBudget, budgetScope(department, "budget.read")))!;
    const budget = read.budget;
    expect(budget.projects.some((p) => p.category === INTERNAL_TRANSFER_CATEGORIES.subsidy)).toBe(false);
    expect(budget.income.superiorSubsidy.toFixed(2)).toBe("0.00");
    expect(budget.income.generalBudget.toFixed(2)).toBe("320000.00");
    const spent = budget.basicExpenditure.find((l) => l.subUnit === "104002")!;
    expect([spent.fund, spent.amount.toFixed(2)]).toEqual(["generalBudget", "300000.00"]);
    const total = budget.basicExpenditure.reduce((s, l) => s.plus(l.amount), new Decimal(0));
    expect(total.toFixed(2)).toBe("320000.00");
    expect(budget.internalTransfers?.map((x) => [x.kind, x.paid.toFixed(2), x.received.toFixed(2)])).toEqual([["subsidy", "300000.00", "300000.00"]]);
    const disclosed = discloseBudget(read);
    expect(disclosed.findings.filter((f) => f.rule === "consolidation.internal-transfers-match")).toEqual([]);
  });

  it("refuses the department's 报送 while the two sides of a transfer differ, naming both units and amounts", async () => {
    await childReceives("250000.00");
    for (const [user, id] of [
      [parent, parentBudget],
      [child, childBudget],
    ] as const) {
      expect(await submitBudget(t.db, user, { budgetId: id, expectedVersion: await version(id) })).toMatchObject({ ok: true });
      expect(await reviewUnitBudget(t.db, department, "accept", { budgetId: id, expectedVersion: await version(id) })).toMatchObject({ ok: true });
    }
    const refused = await submitBudget(t.db, department, { budgetId: departmentBudget, expectedVersion: await version(departmentBudget) });
    expect(refused.ok).toBe(false);
    const finding = !refused.ok ? refused.findings?.find((f) => f.rule === "consolidation.internal-transfers-match") : undefined;
    expect(finding?.message).toBe(
      "重庆市北碚区信息中心的上级补助收入 25.00 万元，与重庆市北碚区人民政府办公室（本级）列支的对附属单位补助 30.00 万元不一致（差额 50000.00 元），部门汇总时无法抵消",
    );
  });
});
