import Decimal from "decimal.js";
import type { BasicLine, Budget, Indicator } from "@/lib/budget/model";
import { PACKAGE_FORMAT, TABLE_IDS, type TableId } from "@/lib/budget/package/schema";
import type { BudgetKind, Fund, IndicatorOperator, Prisma, ProcurementCategory } from "@/generated/prisma/client";
import { operatorFromDb } from "./operators";

/** Everything a budget's model needs, in one query. */
export const budgetContentInclude = {
  department: { include: { region: true } },
  subUnits: { include: { subUnit: true }, orderBy: { position: "asc" } },
  income: true,
  basicLines: { orderBy: { position: "asc" } },
  projects: { include: { indicators: { orderBy: { position: "asc" } } }, orderBy: { position: "asc" } },
  threePublic: true,
  procurement: { orderBy: { position: "asc" } },
  assets: true,
  indicators: { orderBy: { position: "asc" } },
  narrative: true,
  prior: true,
  priorByFunction: { orderBy: { functionCode: "asc" } },
} satisfies Prisma.BudgetInclude;

/**
 * What budgetFromRows reads: the shape of Prisma's include above, and of the one-statement read
 * (load-for-engine.ts) whose amounts arrive as exact text. Either way an amount is read through
 * its text, never a JS number.
 */
type Amount = { toString(): string };
type Text = string | null;
interface IndicatorRow {
  level1: Text;
  level2: Text;
  name: string;
  unit: Text;
  operator: IndicatorOperator;
  value: string;
  weight: Amount | null;
  core: boolean;
}
export interface BudgetContent {
  kind: BudgetKind;
  year: number;
  unitName: string;
  functions: string[];
  structure: Text;
  performanceOffice: Text;
  contactName: Text;
  contactPhone: Text;
  performanceGoal: Text;
  disclosureTables: string[];
  department: { code: string; region: { code: string; name: string } };
  subUnits: { subUnit: { code: string; name: string } }[];
  income: { fund: Fund; carryover: boolean; amount: Amount }[];
  basicLines: { subUnitCode: Text; functionCode: string; economicCode: string; amount: Amount; fund: Fund }[];
  projects: {
    code: string;
    name: string;
    subUnitCode: Text;
    functionCode: string;
    economicCode: Text;
    fund: Fund;
    amount: Amount;
    ownArrangement: Amount;
    superiorSubsidy: Amount;
    category: Text;
    owner: Text;
    summary: Text;
    basis: Text;
    goal: Text;
    executionRateWeight: Amount | null;
    disclose: boolean;
    tier: Text;
    programCode: Text;
    indicators: IndicatorRow[];
  }[];
  threePublic: { abroad: Amount; vehiclePurchase: Amount; vehicleOperation: Amount; reception: Amount } | null;
  procurement: { category: ProcurementCategory; fund: Fund; amount: Amount }[];
  assets: {
    asOf: Text;
    vehiclesGeneral: number;
    vehiclesLawEnforcement: number;
    vehiclesOther: number;
    plannedGeneral: number;
    plannedLawEnforcement: number;
    plannedOther: number;
  } | null;
  indicators: IndicatorRow[];
  narrative: Record<
    | "incomeChange"
    | "expenditureChange"
    | "basicChange"
    | "basicUsage"
    | "projectChange"
    | "projectUsage"
    | "threePublicAbroad"
    | "threePublicVehiclePurchase"
    | "threePublicVehicleOperation"
    | "threePublicReception"
    | "operatingFundsChange"
    | "operatingFundsUsage"
    | "glossary",
    Text
  > | null;
  prior: Record<
    "basic" | "project" | "threePublicAbroad" | "threePublicVehiclePurchase" | "threePublicVehicleOperation" | "threePublicReception" | "operatingFunds",
    Amount | null
  > | null;
  priorByFunction: { functionCode: string; amount: Amount }[];
}

const dec = (v: Amount | null | undefined) => new Decimal(v ? v.toString() : 0);

// Optional text: a NULL column is an absent key, so an export reproduces what was imported.
function opt<K extends string>(key: K, value: string | null | undefined): Partial<Record<K, string>> {
  return value === null || value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

// The hot rows (a line, an indicator) are built by assignment in their keys' order rather than
// by spreading opt(): each spread made a temporary object and copied it, a tenth of what a read
// allocated (issue 17, bench/profile-engine.ts).
function indicator(row: IndicatorRow): Indicator {
  const out = {} as Indicator;
  if (row.level1 !== null) out.level1 = row.level1;
  if (row.level2 !== null) out.level2 = row.level2;
  out.name = row.name;
  if (row.unit !== null) out.unit = row.unit;
  out.operator = operatorFromDb(row.operator);
  out.value = row.value;
  // Weights are kept as written ("30"), not as a money-like "30.00".
  if (row.weight !== null) out.weight = new Decimal(row.weight.toString()).toString();
  out.core = row.core;
  return out;
}

function basicLine(l: BudgetContent["basicLines"][number]): BasicLine {
  const out: BasicLine = { function: l.functionCode, economic: l.economicCode, amount: dec(l.amount), fund: l.fund };
  if (l.subUnitCode !== null) out.subUnit = l.subUnitCode;
  return out;
}

export function budgetFromRows(row: BudgetContent): Budget {
  const income = (fund: string, carryover = false) => dec(row.income.find((l) => l.fund === fund && l.carryover === carryover)?.amount);
  const tp = row.threePublic;
  const n = row.narrative;
  const budget: Budget = {
    format: PACKAGE_FORMAT,
    kind: row.kind,
    year: row.year,
    region: { code: row.department.region.code, name: row.department.region.name },
    unit: {
      code: row.department.code,
      name: row.unitName,
      functions: row.functions,
      ...opt("structure", row.structure),
      subUnits: row.subUnits.map((s) => ({ code: s.subUnit.code, name: s.subUnit.name })),
      ...opt("performanceOffice", row.performanceOffice),
      contact: { ...opt("name", row.contactName), ...opt("phone", row.contactPhone) },
    },
    income: {
      generalBudget: income("generalBudget"),
      governmentFund: income("governmentFund"),
      stateCapital: income("stateCapital"),
      specialAccount: income("specialAccount"),
      operations: income("operations"),
      superiorSubsidy: income("superiorSubsidy"),
      subordinateRemit: income("subordinateRemit"),
      business: income("business"),
      other: income("other"),
      carryover: {
        generalBudget: income("generalBudget", true),
        governmentFund: income("governmentFund", true),
        stateCapital: income("stateCapital", true),
      },
    },
    basicExpenditure: row.basicLines.map(basicLine),
    projects: row.projects.map((p) => ({
      code: p.code,
      name: p.name,
      subUnit: p.subUnitCode ?? "",
      function: p.functionCode,
      ...opt("economic", p.economicCode),
      fund: p.fund,
      amount: dec(p.amount),
      ownArrangement: dec(p.ownArrangement),
      superiorSubsidy: dec(p.superiorSubsidy),
      ...opt("category", p.category),
      ...opt("owner", p.owner),
      ...opt("summary", p.summary),
      ...opt("basis", p.basis),
      ...opt("goal", p.goal),
      ...(p.executionRateWeight === null ? {} : { executionRateWeight: new Decimal(p.executionRateWeight.toString()).toString() }),
      disclose: p.disclose,
      ...(p.tier === "program" || p.tier === "project" ? { tier: p.tier } : {}),
      ...opt("program", p.programCode),
      indicators: p.indicators.map(indicator),
    })),
    threePublic: {
      abroad: dec(tp?.abroad),
      vehiclePurchase: dec(tp?.vehiclePurchase),
      vehicleOperation: dec(tp?.vehicleOperation),
      reception: dec(tp?.reception),
    },
    procurement: row.procurement.map((l) => ({ category: l.category, fund: l.fund, amount: dec(l.amount) })),
    assets: {
      ...opt("asOf", row.assets?.asOf),
      vehicles: {
        general: row.assets?.vehiclesGeneral ?? 0,
        lawEnforcement: row.assets?.vehiclesLawEnforcement ?? 0,
        other: row.assets?.vehiclesOther ?? 0,
      },
      plannedPurchase: {
        general: row.assets?.plannedGeneral ?? 0,
        lawEnforcement: row.assets?.plannedLawEnforcement ?? 0,
        other: row.assets?.plannedOther ?? 0,
      },
    },
    performance: { ...opt("goal", row.performanceGoal), indicators: row.indicators.map(indicator) },
    narrative: {
      ...opt("incomeChange", n?.incomeChange),
      ...opt("expenditureChange", n?.expenditureChange),
      ...opt("basicChange", n?.basicChange),
      ...opt("basicUsage", n?.basicUsage),
      ...opt("projectChange", n?.projectChange),
      ...opt("projectUsage", n?.projectUsage),
      threePublic: {
        ...opt("abroad", n?.threePublicAbroad),
        ...opt("vehiclePurchase", n?.threePublicVehiclePurchase),
        ...opt("vehicleOperation", n?.threePublicVehicleOperation),
        ...opt("reception", n?.threePublicReception),
      },
      ...opt("operatingFundsChange", n?.operatingFundsChange),
      ...opt("operatingFundsUsage", n?.operatingFundsUsage),
      ...opt("glossary", n?.glossary),
    },
  };
  const tables = row.disclosureTables.filter((id): id is TableId => (TABLE_IDS as readonly string[]).includes(id));
  if (tables.length > 0) budget.disclosure = { tables };
  if (row.prior) {
    const p = row.prior;
    budget.priorYear = {
      ...(row.priorByFunction.length > 0 ? { expenditureByFunction: Object.fromEntries(row.priorByFunction.map((r) => [r.functionCode, dec(r.amount)])) } : {}),
      basic: dec(p.basic),
      project: dec(p.project),
      threePublic: {
        abroad: dec(p.threePublicAbroad),
        vehiclePurchase: dec(p.threePublicVehiclePurchase),
        vehicleOperation: dec(p.threePublicVehicleOperation),
        reception: dec(p.threePublicReception),
      },
      operatingFunds: dec(p.operatingFunds),
    };
  }
  return budget;
}
