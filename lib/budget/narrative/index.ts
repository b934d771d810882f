import Decimal from "decimal.js";
import { formatWan } from "@/lib/budget/money";
import type { Budget } from "@/lib/budget/model";
import type { Catalog } from "@/lib/catalog/catalog";
import { tableContext, type BuildOptions, type TableContext } from "@/lib/budget/tables/context";
import type { DisclosureTables } from "@/lib/budget/tables/types";
import { escapeMarkdownText } from "./escape";
import { narrativeNumbers, neededTables, type NarrativeNumbers } from "./figures";
import { basicInfo, contact, generalBudget, glossary, otherMatters, overall, threePublic } from "./sections";

export { STANDARD_GLOSSARY, STANDARD_GLOSSARY_TEXT } from "./sections";

export type NarrativeFigures = Record<string, string | number | Record<string, string>>;

export interface Narrative {
  markdown: string;
  /** The printed numbers in machine form, keyed as the fixtures' `narrative` blocks. */
  figures: NarrativeFigures;
}

/** Machine-form figures: amounts "2514.61", changes signed "-375.61" ("0.00" = 与上年持平). */
export function narrativeFigures(n: NarrativeNumbers, b: Budget): NarrativeFigures {
  const f = formatWan;
  const change = (current: Decimal, prior: Decimal | undefined) => (prior === undefined ? {} : { change: f(current.minus(prior)) });
  const withChange = (key: string, current: Decimal, prior: Decimal | undefined): NarrativeFigures => {
    const c = change(current, prior);
    return { [key]: f(current), ...(c.change !== undefined ? { [`${key}Change`]: c.change } : {}) };
  };
  const p = n.prior;
  const expenditureChange = change(n.expenditureTotal, p?.total).change;
  const generalBudgetChange = change(n.generalBudgetExpenditure, p?.total).change;
  const v = b.assets.vehicles;
  const pp = b.assets.plannedPurchase;
  return {
    incomeTotal: f(n.incomeTotal),
    ...(p ? { incomeChange: f(n.incomeTotal.minus(p.total)) } : {}),
    incomeGeneralBudget: f(n.income.generalBudget),
    expenditureTotal: f(n.expenditureTotal),
    expenditureByClass: Object.fromEntries(n.expenditureByClass.map((c) => [c.code, f(c.amount)])),
    ...(expenditureChange !== undefined ? { expenditureChange } : {}),
    generalBudgetIncome: f(n.generalBudgetIncome),
    generalBudgetExpenditure: f(n.generalBudgetExpenditure),
    ...(generalBudgetChange !== undefined ? { generalBudgetChange } : {}),
    ...withChange("basic", n.basic, p?.basic),
    ...withChange("project", n.project, p?.project),
    threePublicTotal: f(n.threePublic.total),
    ...(p ? { threePublicChange: f(n.threePublic.total.minus(p.threePublic.total)) } : {}),
    ...withChange("abroad", n.threePublic.abroad, p?.threePublic.abroad),
    ...withChange("reception", n.threePublic.reception, p?.threePublic.reception),
    ...withChange("vehicleOperation", n.threePublic.vehicleOperation, p?.threePublic.vehicleOperation),
    ...withChange("vehiclePurchase", n.threePublic.vehiclePurchase, p?.threePublic.vehiclePurchase),
    ...withChange("operatingFunds", n.operatingFunds, p?.operatingFunds),
    procurementTotal: f(n.procurement.total),
    procurementGeneralBudget: f(n.procurementGeneralBudget.total),
    performanceManagedProjects: f(n.project),
    vehicles: v.general + v.lawEnforcement + v.other,
    vehiclesGeneral: v.general,
    vehiclesLawEnforcement: v.lawEnforcement,
    plannedPurchase: pp.general + pp.lawEnforcement + pp.other,
    plannedPurchaseGeneral: pp.general,
    plannedPurchaseLawEnforcement: pp.lawEnforcement,
  };
}

/** 部门预算情况说明 in Markdown, from the same printed figures as the tables. */
/**
 * `built`: the context and tables a disclosure already made from the same budget and options
 * (the narrative then reads those very tables instead of building its own).
 */
export function buildNarrative(
  budget: Budget,
  catalog: Catalog,
  options: BuildOptions = {},
  built?: { ctx: TableContext; tables: DisclosureTables },
): Narrative {
  const ctx = built?.ctx ?? tableContext(budget, catalog, options);
  const n = narrativeNumbers(ctx, neededTables(ctx, built?.tables));
  const blocks = [
    `# ${escapeMarkdownText(budget.unit.name)}`,
    `## ${budget.year}年部门预算情况说明`,
    ...basicInfo(budget),
    ...overall(budget, n),
    ...generalBudget(budget, n),
    ...threePublic(budget, n),
    ...otherMatters(budget, n),
    ...glossary(budget),
    contact(budget),
  ];
  return { markdown: blocks.join("\n\n") + "\n", figures: narrativeFigures(n, budget) };
}
