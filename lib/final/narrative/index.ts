import Decimal from "decimal.js";
import { formatWan } from "@/lib/budget/money";
import type { FinalContext } from "@/lib/final/tables/context";
import type { FinalTables } from "@/lib/final/tables/types";
import { finalNumbers, type FinalNumbers } from "./figures";
import { change, percentOf } from "./phrases";
import { FINAL_GLOSSARY, basicInfo, contact, fiscal, generalBudget, otherMatters, overall, performance, threePublic } from "./sections";

export type FinalNarrativeFigures = Record<string, string | number | Record<string, string>>;

export interface FinalNarrative {
  markdown: string;
  /** The printed numbers in machine form, keyed as the fixture's `narrative` block. */
  figures: FinalNarrativeFigures;
}

/**
 * Machine-form figures: amounts "1918.25" (万元), changes signed "-332.06", rates "14.8" (%, one
 * decimal; absent when the base is zero), counts as numbers, 人均接待费 in 元.
 */
export function finalNarrativeFigures(n: FinalNumbers): FinalNarrativeFigures {
  const f = formatWan;
  const out: FinalNarrativeFigures = {};
  const put = (key: string, current: Decimal, vsPrior?: Decimal, vsInitial?: Decimal) => {
    out[key] = f(current);
    for (const [suffix, base] of [
      ["Change", vsPrior],
      ["VsInitial", vsInitial],
    ] as const) {
      if (base === undefined) continue;
      out[`${key}${suffix}`] = f(current.minus(base));
      const c = change(current, base);
      const rate = c.verb === "持平" || base.isZero() ? undefined : percentOf(current.minus(base).abs(), base);
      if (rate !== undefined) out[`${key}${suffix}Rate`] = rate.toFixed(1);
    }
  };
  const p = n.prior;
  put("grandTotal", n.grandTotal, p?.grandTotal);
  if (p) out.priorGrandTotal = f(p.grandTotal);
  put("incomeTotal", n.incomeTotal, p?.incomeTotal);
  put("fiscalIncome", n.fiscalIncome);
  put("expenditureTotal", n.expenditureTotal, p?.expenditureTotal);
  put("basic", n.basic);
  put("project", n.project);
  const shares = (part: Decimal) => percentOf(part, n.expenditureTotal)?.toFixed(1) ?? "";
  out.basicShare = shares(n.basic);
  out.projectShare = shares(n.project);
  put("opening", n.opening);
  put("closing", n.closing, p?.closing);
  put("fiscalGrandTotal", n.fiscalGrandTotal, p?.fiscalGrandTotal);
  const g = n.generalBudget;
  put("generalBudgetIncome", g.income, p?.generalBudgetIncome, g.initial);
  put("generalBudgetExpenditure", g.expenditure, p?.generalBudgetExpenditure, g.initial);
  put("generalBudgetInitial", g.initial);
  put("generalBudgetOpening", g.opening);
  put("generalBudgetClosing", g.closing, p?.generalBudgetClosing);
  out.byClass = Object.fromEntries(n.byClass.map((c) => [c.code, f(c.amount)]));
  out.byClassVsInitial = Object.fromEntries(n.byClass.map((c) => [c.code, f(c.amount.minus(c.initial))]));
  put("personnel", n.personnel, p?.personnel);
  put("public", n.public, p?.public);
  put("governmentFundIncome", n.governmentFund.income, p?.governmentFundIncome);
  put("governmentFundExpenditure", n.governmentFund.expenditure, p?.governmentFundExpenditure);
  put("stateCapital", n.stateCapital);
  for (const k of ["total", "abroad", "vehiclePurchase", "vehicleOperation", "reception"] as const) {
    const key = k === "total" ? "threePublicTotal" : k;
    put(key, n.threePublic[k].actual, p?.threePublic[k], n.threePublic[k].initial);
  }
  out.receptionPerCapitaYuan = n.receptionPerCapita.toFixed(2);
  put("vehiclePurchasePerVehicle", n.vehiclePurchasePerVehicle);
  put("vehicleOperationPerVehicle", n.vehicleOperationPerVehicle);
  put("operatingFunds", n.operatingFunds, p?.operatingFunds);
  put("meetings", n.meetings, p?.meetings);
  put("training", n.training, p?.training);
  put("procurementTotal", n.procurement.total);
  put("procurementGoods", n.procurement.goods);
  put("procurementWorks", n.procurement.works);
  put("procurementServices", n.procurement.services);
  put("procurementSmallMedium", n.procurement.smallMedium);
  put("procurementMicro", n.procurement.micro);
  out.procurementSmallMediumShare = percentOf(n.procurement.smallMedium, n.procurement.total)?.toFixed(1) ?? "";
  out.procurementMicroShare = percentOf(n.procurement.micro, n.procurement.total)?.toFixed(1) ?? "";
  out.evaluatedProjects = n.evaluatedProjects;
  put("evaluatedFunds", n.evaluatedFunds);
  return out;
}

/** 部门决算情况说明 in Markdown, from the same printed figures as the tables. */
export function narrativeOf(ctx: FinalContext, tables: FinalTables): FinalNarrative {
  const n = finalNumbers(ctx, tables);
  const f = ctx.final;
  const blocks = [
    `# ${f.unit.name}`,
    `## ${f.year}年度部门决算情况说明`,
    ...basicInfo(f),
    ...overall(f, n),
    ...fiscal(f, n),
    ...generalBudget(f, n),
    ...threePublic(f, n),
    ...otherMatters(f, n),
    ...performance(f, n, tables.F10),
    ...FINAL_GLOSSARY,
    ...contact(f),
  ];
  return { markdown: blocks.join("\n\n") + "\n", figures: finalNarrativeFigures(n) };
}
