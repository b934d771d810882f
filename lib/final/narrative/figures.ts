import Decimal from "decimal.js";
import { ZERO, parseWan, sum, toWanYuan } from "@/lib/budget/money";
import { FUNDS } from "@/lib/budget/model";
import { THREE_PUBLIC_KEYS, type ThreePublicKey } from "@/lib/final/model";
import type { FinalContext } from "@/lib/final/tables/context";
import type { FinalTables } from "@/lib/final/tables/types";

/**
 * Every number the 决算情况说明 prints, in 万元, read from the tables it accompanies (never
 * recomputed on its own) or from the same printed atoms, so text and tables cannot disagree.
 */
export interface FinalNumbers {
  year: number;
  incomeTotal: Decimal;
  opening: Decimal;
  grandTotal: Decimal;
  expenditureTotal: Decimal;
  closing: Decimal;
  fiscalIncome: Decimal;
  otherIncome: { label: string; amount: Decimal }[];
  basic: Decimal;
  project: Decimal;
  fiscalGrandTotal: Decimal;
  generalBudget: { income: Decimal; initial: Decimal; expenditure: Decimal; opening: Decimal; closing: Decimal };
  byClass: { code: string; name: string; amount: Decimal; initial: Decimal }[];
  personnel: Decimal;
  public: Decimal;
  governmentFund: { opening: Decimal; income: Decimal; expenditure: Decimal; closing: Decimal };
  stateCapital: Decimal;
  threePublic: Record<ThreePublicKey | "total", { initial: Decimal; actual: Decimal }>;
  /** 元, two decimals: 人均接待费 is computed from the 元 amount, as the seed does. */
  receptionPerCapita: Decimal;
  vehiclePurchasePerVehicle: Decimal;
  vehicleOperationPerVehicle: Decimal;
  operatingFunds: Decimal;
  meetings: Decimal;
  training: Decimal;
  procurement: { total: Decimal; goods: Decimal; works: Decimal; services: Decimal; smallMedium: Decimal; micro: Decimal };
  evaluatedProjects: number;
  evaluatedFunds: Decimal;
  prior?: {
    grandTotal: Decimal;
    incomeTotal: Decimal;
    expenditureTotal: Decimal;
    closing: Decimal;
    fiscalGrandTotal: Decimal;
    generalBudgetIncome: Decimal;
    generalBudgetExpenditure: Decimal;
    generalBudgetClosing: Decimal;
    governmentFundIncome: Decimal;
    governmentFundExpenditure: Decimal;
    personnel: Decimal;
    public: Decimal;
    threePublic: Record<ThreePublicKey | "total", Decimal>;
    operatingFunds: Decimal;
    meetings: Decimal;
    training: Decimal;
  };
}

const OTHER_SOURCES = [
  ["superiorSubsidy", "上级补助收入"],
  ["operations", "事业收入"],
  ["business", "经营收入"],
  ["subordinateRemit", "附属单位上缴收入"],
  ["other", "其他收入"],
] as const;

const FISCAL = ["generalBudget", "governmentFund", "stateCapital"] as const;

export function finalNumbers(ctx: FinalContext, t: FinalTables): FinalNumbers {
  const w = parseWan;
  const { final, shown } = ctx;
  const threePublic = Object.fromEntries(
    THREE_PUBLIC_KEYS.map((k) => [k, { initial: shown.threePublic[k].initial, actual: shown.threePublic[k].actual }]),
  ) as FinalNumbers["threePublic"];
  threePublic.total = {
    initial: sum(THREE_PUBLIC_KEYS.map((k) => threePublic[k].initial)),
    actual: w(t.F7.actual.total),
  };
  const q = final.threePublic.quantities;
  const people = q.domesticPeople + q.overseasPeople;
  const perCapita = people === 0 ? ZERO : final.threePublic.reception.actual.dividedBy(people).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const per = (amount: Decimal, n: number) => (n === 0 ? ZERO : amount.dividedBy(n).toDecimalPlaces(2, Decimal.ROUND_HALF_UP));
  const evaluated = final.projects.map((p, i) => ({ p, i })).filter(({ p }) => p.selfEvaluation);
  const p = shown.prior;
  const fundSum = (r: Record<string, Decimal>, funds: readonly string[] = FUNDS) => sum(funds.map((f) => r[f] ?? ZERO));
  const gbInitial = sum([...shown.basic, ...shown.projects].filter((a) => a.fund === "generalBudget").map((a) => a.initial));
  return {
    year: final.year,
    incomeTotal: w(t.F1.income.total),
    opening: w(t.F1.income.opening),
    grandTotal: w(t.F1.income.grandTotal),
    expenditureTotal: w(t.F1.expenditure.total),
    closing: w(t.F1.expenditure.closing),
    fiscalIncome: w(t.F4.income.current.total),
    otherIncome: OTHER_SOURCES.map(([k, label]) => ({ label, amount: w(t.F1.income[k]) })).filter((x) => !x.amount.isZero()),
    basic: w(t.F3.total.basic),
    project: w(t.F3.total.project),
    fiscalGrandTotal: w(t.F4.income.total),
    generalBudget: {
      income: w(t.F4.income.current.generalBudget),
      initial: gbInitial,
      expenditure: w(t.F5.total.total),
      opening: w(t.F4.income.opening.generalBudget),
      closing: w(t.F4.expenditure.closing.generalBudget),
    },
    byClass: t.F5.rows.filter((r) => r.level === 1).map((r) => ({ code: r.code, name: r.name, amount: w(r.total), initial: w(r.initial) })),
    personnel: w(t.F6.total.personnel),
    public: w(t.F6.total.public),
    governmentFund: { opening: w(t.F8.opening), income: w(t.F8.income), expenditure: w(t.F8.total.total), closing: w(t.F8.closing) },
    stateCapital: w(t.F9.total.total),
    threePublic,
    receptionPerCapita: perCapita,
    vehiclePurchasePerVehicle: per(shown.threePublic.vehiclePurchase.actual, q.vehiclesPurchased),
    vehicleOperationPerVehicle: per(shown.threePublic.vehicleOperation.actual, q.vehiclesHeld),
    // 机关运行经费 = 公用经费 of general-budget basic expenditure = F6's 公用经费 合计.
    operatingFunds: w(t.F6.total.public),
    meetings: shown.meetings,
    training: shown.training,
    procurement: {
      total: shown.procurement.goods.plus(shown.procurement.works).plus(shown.procurement.services),
      ...shown.procurement,
    },
    evaluatedProjects: final.performance.evaluatedProjects ?? evaluated.length,
    evaluatedFunds:
      final.performance.evaluatedFunds !== undefined ? toWanYuan(final.performance.evaluatedFunds) : sum(evaluated.map(({ i }) => shown.projects[i]!.actual)),
    ...(p
      ? {
          prior: {
            grandTotal: fundSum(p.income).plus(fundSum(p.opening)),
            incomeTotal: fundSum(p.income),
            expenditureTotal: fundSum(p.expenditure),
            closing: fundSum(p.closing),
            fiscalGrandTotal: fundSum(p.income, FISCAL).plus(fundSum(p.opening, FISCAL)),
            generalBudgetIncome: p.income.generalBudget,
            generalBudgetExpenditure: p.expenditure.generalBudget,
            generalBudgetClosing: p.closing.generalBudget,
            governmentFundIncome: p.income.governmentFund,
            governmentFundExpenditure: p.expenditure.governmentFund,
            personnel: p.personnel,
            public: p.public,
            threePublic: { ...p.threePublic, total: sum(THREE_PUBLIC_KEYS.map((k) => p.threePublic[k])) },
            operatingFunds: p.operatingFunds,
            meetings: p.meetings,
            training: p.training,
          },
        }
      : {}),
  };
}
