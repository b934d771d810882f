import Decimal from "decimal.js";
import type { FinalAccounts } from "@/lib/final/model";
import { defineFinalRule } from "./types";

/**
 * A change of at least this share of its base (%), or any change from or to zero, is explained in
 * the published text — the usual 决算 review line (增减变化幅度较大的须说明原因).
 */
export const REASON_THRESHOLD_PERCENT = new Decimal(10);

interface Watched {
  figure: string;
  label: string;
  path: string;
  reason: (f: FinalAccounts) => string | undefined;
}

const VS_PRIOR = "Change";
const VS_INITIAL = "VsInitial";

/** Every narrative comparison, the figure it prints and the reason field that explains it. */
const WATCHED: (Watched & { suffix: string; versus: string })[] = [
  { figure: "grandTotal", suffix: VS_PRIOR, versus: "上年决算数", label: "收支总计", path: "reasons.total", reason: (f) => f.reasons.total },
  { figure: "incomeTotal", suffix: VS_PRIOR, versus: "上年决算数", label: "收入合计", path: "reasons.income", reason: (f) => f.reasons.income },
  { figure: "expenditureTotal", suffix: VS_PRIOR, versus: "上年决算数", label: "支出合计", path: "reasons.expenditure", reason: (f) => f.reasons.expenditure },
  { figure: "closing", suffix: VS_PRIOR, versus: "上年决算数", label: "年末结转和结余", path: "reasons.closing", reason: (f) => f.reasons.closing },
  { figure: "fiscalGrandTotal", suffix: VS_PRIOR, versus: "上年决算数", label: "财政拨款收支总计", path: "reasons.fiscal", reason: (f) => f.reasons.fiscal },
  {
    figure: "generalBudgetIncome",
    suffix: VS_PRIOR,
    versus: "上年决算数",
    label: "一般公共预算财政拨款收入",
    path: "reasons.generalBudgetIncome.prior",
    reason: (f) => f.reasons.generalBudgetIncome.prior,
  },
  {
    figure: "generalBudgetIncome",
    suffix: VS_INITIAL,
    versus: "年初预算数",
    label: "一般公共预算财政拨款收入",
    path: "reasons.generalBudgetIncome.initial",
    reason: (f) => f.reasons.generalBudgetIncome.initial,
  },
  {
    figure: "generalBudgetExpenditure",
    suffix: VS_PRIOR,
    versus: "上年决算数",
    label: "一般公共预算财政拨款支出",
    path: "reasons.generalBudgetExpenditure.prior",
    reason: (f) => f.reasons.generalBudgetExpenditure.prior,
  },
  {
    figure: "generalBudgetExpenditure",
    suffix: VS_INITIAL,
    versus: "年初预算数",
    label: "一般公共预算财政拨款支出",
    path: "reasons.generalBudgetExpenditure.initial",
    reason: (f) => f.reasons.generalBudgetExpenditure.initial,
  },
  {
    figure: "generalBudgetClosing",
    suffix: VS_PRIOR,
    versus: "上年决算数",
    label: "一般公共预算财政拨款结转和结余",
    path: "reasons.generalBudgetClosing",
    reason: (f) => f.reasons.generalBudgetClosing,
  },
  { figure: "personnel", suffix: VS_PRIOR, versus: "上年决算数", label: "人员经费", path: "reasons.personnel", reason: (f) => f.reasons.personnel },
  { figure: "public", suffix: VS_PRIOR, versus: "上年决算数", label: "公用经费", path: "reasons.public", reason: (f) => f.reasons.public },
  {
    figure: "governmentFundIncome",
    suffix: VS_PRIOR,
    versus: "上年决算数",
    label: "政府性基金预算财政拨款收入",
    path: "reasons.governmentFundIncome",
    reason: (f) => f.reasons.governmentFundIncome,
  },
  {
    figure: "governmentFundExpenditure",
    suffix: VS_PRIOR,
    versus: "上年决算数",
    label: "政府性基金预算财政拨款支出",
    path: "reasons.governmentFundExpenditure",
    reason: (f) => f.reasons.governmentFundExpenditure,
  },
  ...(["total", "abroad", "vehiclePurchase", "vehicleOperation", "reception"] as const).flatMap((k) => {
    const figure = k === "total" ? "threePublicTotal" : k;
    const label = {
      total: "“三公”经费",
      abroad: "因公出国（境）费",
      vehiclePurchase: "公务用车购置费",
      vehicleOperation: "公务用车运行维护费",
      reception: "公务接待费",
    }[k];
    return [
      {
        figure,
        suffix: VS_INITIAL,
        versus: "年初预算数",
        label,
        path: `reasons.threePublic.${k}.initial`,
        reason: (f: FinalAccounts) => f.reasons.threePublic[k].initial,
      },
      {
        figure,
        suffix: VS_PRIOR,
        versus: "上年支出数",
        label,
        path: `reasons.threePublic.${k}.prior`,
        reason: (f: FinalAccounts) => f.reasons.threePublic[k].prior,
      },
    ];
  }),
  {
    figure: "operatingFunds",
    suffix: VS_PRIOR,
    versus: "上年决算数",
    label: "机关运行经费",
    path: "reasons.operatingFunds",
    reason: (f) => f.reasons.operatingFunds,
  },
  { figure: "meetings", suffix: VS_PRIOR, versus: "上年决算数", label: "会议费", path: "reasons.meetings", reason: (f) => f.reasons.meetings },
  { figure: "training", suffix: VS_PRIOR, versus: "上年决算数", label: "培训费", path: "reasons.training", reason: (f) => f.reasons.training },
];

function overThreshold(current: Decimal, diff: Decimal): boolean {
  if (diff.isZero()) return false;
  const base = current.minus(diff);
  if (base.isZero() || current.isZero()) return true;
  return diff.abs().dividedBy(base).times(100).greaterThanOrEqualTo(REASON_THRESHOLD_PERCENT);
}

export const finalReasonRequiredOverThreshold = defineFinalRule({
  id: "final.reason-required-over-threshold",
  severity: "warning",
  title: `增减变化达到 ${REASON_THRESHOLD_PERCENT.toString()}%（或由零增加、减少到零）的须说明原因`,
  check({ final, narrative }, report) {
    const seen = (w: Watched) => (w.reason(final) ?? "").trim() !== "";
    const check = (current: unknown, diff: unknown, w: Watched & { versus: string }) => {
      if (typeof current !== "string" || typeof diff !== "string") return;
      const d = new Decimal(diff);
      if (!overThreshold(new Decimal(current), d) || seen(w)) return;
      report(w.path, `${w.label}较${w.versus}${d.isPositive() ? "增加" : "减少"} ${d.abs().toFixed(2)} 万元，但未说明原因`);
    };
    for (const w of WATCHED) check(narrative[w.figure], narrative[`${w.figure}${w.suffix}`], w);
    // 4.比较情况: each 类 of general-budget spending against its 年初预算数.
    const byClass = narrative.byClass as Record<string, string> | undefined;
    const vsInitial = narrative.byClassVsInitial as Record<string, string> | undefined;
    for (const [code, amount] of Object.entries(byClass ?? {})) {
      check(amount, vsInitial?.[code], {
        figure: `byClass.${code}`,
        label: `一般公共预算财政拨款支出 ${code} 类`,
        versus: "年初预算数",
        path: `reasons.byClass.${code}`,
        reason: (f) => f.reasons.byClass[code],
      });
    }
  },
});
