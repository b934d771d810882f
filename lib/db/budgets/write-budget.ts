import { ALL_PARTS, type BudgetPart } from "@/lib/budget/parts";
import type { Budget, Indicator } from "@/lib/budget/model";
import { Prisma } from "@/generated/prisma/client";
import { operatorToDb } from "./operators";
import { FUNDS, CARRYOVER_FUNDS } from "@/lib/budget/model";

type Tx = Prisma.TransactionClient;

// Prisma takes Decimal(18,2) values as strings; decimal.js gives the exact text.
const money = (d: { toFixed(n: number): string }) => d.toFixed(2);

function indicatorRows(indicators: Indicator[]) {
  return indicators.map((i, position) => ({
    position,
    level1: i.level1 ?? null,
    level2: i.level2 ?? null,
    name: i.name,
    unit: i.unit ?? null,
    operator: operatorToDb(i.operator),
    value: i.value,
    weight: i.weight ?? null,
    core: i.core,
  }));
}

/** The budget row's own columns (the unit profile and performance goal) from the model. */
export function budgetColumns(b: Budget) {
  return {
    unitName: b.unit.name,
    functions: b.unit.functions,
    structure: b.unit.structure ?? null,
    performanceOffice: b.unit.performanceOffice ?? null,
    contactName: b.unit.contact.name ?? null,
    contactPhone: b.unit.contact.phone ?? null,
    performanceGoal: b.performance.goal ?? null,
    disclosureTables: b.disclosure?.tables ?? [],
  };
}

/**
 * Writes the given parts of the budget (all by default), replacing what was there. Runs inside
 * the caller's transaction, so a failure leaves the previous content untouched.
 */
export async function writeBudgetContent(tx: Tx, budgetId: number, departmentId: number, b: Budget, parts: readonly BudgetPart[] = ALL_PARTS) {
  const only = new Set(parts);
  // Sequential on purpose: one transaction is one connection.
  const where = { budgetId };
  if (only.has("subUnits")) await writeSubUnits(tx, budgetId, departmentId, b, where);
  if (only.has("income")) await writeIncome(tx, budgetId, b, where);
  if (only.has("basic")) await writeBasic(tx, budgetId, b);
  if (only.has("projects")) await writeProjects(tx, budgetId, b, where);
  if (only.has("threePublic")) await writeThreePublic(tx, budgetId, b, where);
  if (only.has("procurement")) await writeProcurement(tx, budgetId, b, where);
  if (only.has("assets")) await writeAssets(tx, budgetId, b, where);
  if (only.has("performance")) await writePerformance(tx, budgetId, b, where);
  if (only.has("narrative")) await writeNarrative(tx, budgetId, b, where);
  if (only.has("prior")) await writePrior(tx, budgetId, b, where);
}

type Where = { budgetId: number };

async function writeSubUnits(tx: Tx, budgetId: number, departmentId: number, b: Budget, where: Where) {
  await tx.budgetSubUnit.deleteMany({ where });
  for (const [position, s] of b.unit.subUnits.entries()) {
    const subUnit = await tx.subUnit.upsert({
      where: { departmentId_code: { departmentId, code: s.code } },
      create: { departmentId, code: s.code, name: s.name },
      update: { name: s.name },
    });
    await tx.budgetSubUnit.create({ data: { budgetId, subUnitId: subUnit.id, position } });
  }
}

async function writeIncome(tx: Tx, budgetId: number, b: Budget, where: Where) {
  await tx.incomeLine.deleteMany({ where });
  const { carryover, ...current } = b.income;
  await tx.incomeLine.createMany({
    data: [
      ...FUNDS.map((fund) => ({ budgetId, fund, carryover: false, amount: money(current[fund]) })),
      ...CARRYOVER_FUNDS.map((fund) => ({ budgetId, fund, carryover: true, amount: money(carryover[fund]) })),
    ],
  });
}

async function writeBasic(tx: Tx, budgetId: number, b: Budget) {
  await tx.$executeRaw`delete from "BasicLine" where "budgetId" = ${budgetId}`;
  if (b.basicExpenditure.length === 0) return;
  // One statement with a parameter per column (arrays), not Prisma's createMany: its query
  // compiler handles every value of every row, about 10 ms of CPU per 100 lines (issue 17 (5)).
  await tx.$executeRaw`
    insert into "BasicLine" ("budgetId", position, "subUnitCode", "functionCode", "economicCode", fund, amount)
    select ${budgetId}::int, p - 1, s, f, e, u::"Fund", a
      from ${basicLineRows(b)}`;
}

/**
 * The basic lines as rows x(s, f, e, u, a, p) — sub-unit, function, economic code, fund, amount,
 * position from 1 — one array parameter per column, for an `insert … select` (both write paths).
 */
export function basicLineRows(b: Budget): Prisma.Sql {
  const l = basicLineColumns(b);
  return Prisma.sql`unnest(${l.subUnit}::text[], ${l.function}::text[], ${l.economic}::text[], ${l.fund}::text[], ${l.amount}::numeric[])
                    with ordinality as x(s, f, e, u, a, p)`;
}

/** The basic lines as one array per column, in order. */
function basicLineColumns(b: Budget) {
  const lines = b.basicExpenditure;
  const n = lines.length;
  const cols = {
    subUnit: new Array<string | null>(n),
    function: new Array<string>(n),
    economic: new Array<string>(n),
    fund: new Array<string>(n),
    amount: new Array<string>(n),
  };
  lines.forEach((l, i) => {
    cols.subUnit[i] = l.subUnit ?? null;
    cols.function[i] = l.function;
    cols.economic[i] = l.economic;
    cols.fund[i] = l.fund;
    cols.amount[i] = money(l.amount);
  });
  return cols;
}

async function writeProjects(tx: Tx, budgetId: number, b: Budget, where: Where) {
  await tx.project.deleteMany({ where });
  if (b.projects.length === 0) return;
  // Two statements however many projects: the projects, then all their indicators.
  const created = await tx.project.createManyAndReturn({
    data: b.projects.map((p, position) => ({
      budgetId,
      position,
      code: p.code,
      name: p.name,
      subUnitCode: p.subUnit,
      functionCode: p.function,
      economicCode: p.economic ?? null,
      fund: p.fund,
      amount: money(p.amount),
      ownArrangement: money(p.ownArrangement),
      superiorSubsidy: money(p.superiorSubsidy),
      category: p.category ?? null,
      owner: p.owner ?? null,
      summary: p.summary ?? null,
      basis: p.basis ?? null,
      goal: p.goal ?? null,
      executionRateWeight: p.executionRateWeight ?? null,
      disclose: p.disclose,
      tier: p.tier ?? null,
      programCode: p.program ?? null,
    })),
    select: { id: true, position: true },
  });
  const idByPosition = new Map(created.map((c) => [c.position, c.id]));
  await tx.projectIndicator.createMany({
    data: b.projects.flatMap((p, position) => indicatorRows(p.indicators).map((row) => ({ ...row, projectId: idByPosition.get(position)! }))),
  });
}

async function writeThreePublic(tx: Tx, budgetId: number, b: Budget, where: Where) {
  await tx.threePublic.deleteMany({ where });
  await tx.threePublic.create({
    data: {
      budgetId,
      abroad: money(b.threePublic.abroad),
      vehiclePurchase: money(b.threePublic.vehiclePurchase),
      vehicleOperation: money(b.threePublic.vehicleOperation),
      reception: money(b.threePublic.reception),
    },
  });
}

async function writeProcurement(tx: Tx, budgetId: number, b: Budget, where: Where) {
  await tx.procurementLine.deleteMany({ where });
  await tx.procurementLine.createMany({
    data: b.procurement.map((l, position) => ({ budgetId, position, category: l.category, fund: l.fund, amount: money(l.amount) })),
  });
}

async function writeAssets(tx: Tx, budgetId: number, b: Budget, where: Where) {
  await tx.assetHolding.deleteMany({ where });
  const { vehicles, plannedPurchase } = b.assets;
  await tx.assetHolding.create({
    data: {
      budgetId,
      asOf: b.assets.asOf ?? null,
      vehiclesGeneral: vehicles.general,
      vehiclesLawEnforcement: vehicles.lawEnforcement,
      vehiclesOther: vehicles.other,
      plannedGeneral: plannedPurchase.general,
      plannedLawEnforcement: plannedPurchase.lawEnforcement,
      plannedOther: plannedPurchase.other,
    },
  });
}

async function writePerformance(tx: Tx, budgetId: number, b: Budget, where: Where) {
  await tx.performanceIndicator.deleteMany({ where });
  await tx.performanceIndicator.createMany({
    data: indicatorRows(b.performance.indicators).map((row) => ({ ...row, budgetId })),
  });
}

async function writeNarrative(tx: Tx, budgetId: number, b: Budget, where: Where) {
  await tx.narrativeReasons.deleteMany({ where });
  const n = b.narrative;
  await tx.narrativeReasons.create({
    data: {
      budgetId,
      incomeChange: n.incomeChange ?? null,
      expenditureChange: n.expenditureChange ?? null,
      basicChange: n.basicChange ?? null,
      basicUsage: n.basicUsage ?? null,
      projectChange: n.projectChange ?? null,
      projectUsage: n.projectUsage ?? null,
      threePublicAbroad: n.threePublic.abroad ?? null,
      threePublicVehiclePurchase: n.threePublic.vehiclePurchase ?? null,
      threePublicVehicleOperation: n.threePublic.vehicleOperation ?? null,
      threePublicReception: n.threePublic.reception ?? null,
      operatingFundsChange: n.operatingFundsChange ?? null,
      operatingFundsUsage: n.operatingFundsUsage ?? null,
      glossary: n.glossary ?? null,
    },
  });
}

async function writePrior(tx: Tx, budgetId: number, b: Budget, where: Where) {
  await tx.priorYear.deleteMany({ where });
  await tx.priorFunctionAmount.deleteMany({ where });
  if (b.priorYear) {
    const p = b.priorYear;
    await tx.priorYear.create({
      data: {
        budgetId,
        basic: money(p.basic),
        project: money(p.project),
        threePublicAbroad: money(p.threePublic.abroad),
        threePublicVehiclePurchase: money(p.threePublic.vehiclePurchase),
        threePublicVehicleOperation: money(p.threePublic.vehicleOperation),
        threePublicReception: money(p.threePublic.reception),
        operatingFunds: money(p.operatingFunds),
      },
    });
    await tx.priorFunctionAmount.createMany({
      data: Object.entries(p.expenditureByFunction ?? {}).map(([functionCode, amount]) => ({
        budgetId,
        functionCode,
        amount: money(amount),
      })),
    });
  }
}
