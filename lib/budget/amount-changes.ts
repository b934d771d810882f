import type Decimal from "decimal.js";
import type { Budget } from "./model";
import { FUND_LABELS, PROCUREMENT_CATEGORY_LABELS } from "./package/labels";

export interface AmountChange {
  /** Stable identity of the amount: lines by their subjects, projects by code ("basic/2010301/30101/generalBudget"). */
  key: string;
  /** Chinese description of what changed. */
  label: string;
  /** 元 with two decimals; null when the line did not exist (added) or no longer exists (removed). */
  oldValue: string | null;
  newValue: string | null;
}

type Amounts = Map<string, { label: string; value: Decimal }>;

function amounts(b: Budget): Amounts {
  const out: Amounts = new Map();
  const put = (key: string, label: string, value: Decimal) => {
    const seen = out.get(key);
    out.set(key, { label, value: seen ? seen.value.plus(value) : value });
  };
  const { carryover, ...income } = b.income;
  for (const [fund, v] of Object.entries(income)) put(`income/${fund}`, `收入预算·${FUND_LABELS[fund as keyof typeof FUND_LABELS]}`, v);
  for (const [fund, v] of Object.entries(carryover)) put(`income/carryover/${fund}`, `上年结转·${FUND_LABELS[fund as keyof typeof FUND_LABELS]}`, v);
  for (const l of b.basicExpenditure) put(`basic/${l.function}/${l.economic}/${l.fund}`, `基本支出·${l.function}×${l.economic}（${FUND_LABELS[l.fund]}）`, l.amount);
  for (const p of b.projects) {
    put(`project/${p.code}/amount`, `项目支出·${p.name}·当年预算`, p.amount);
    put(`project/${p.code}/ownArrangement`, `项目支出·${p.name}·本级安排`, p.ownArrangement);
    put(`project/${p.code}/superiorSubsidy`, `项目支出·${p.name}·上级补助`, p.superiorSubsidy);
  }
  const tp = { abroad: "因公出国（境）费", vehiclePurchase: "公务用车购置费", vehicleOperation: "公务用车运行维护费", reception: "公务接待费" };
  for (const [k, label] of Object.entries(tp)) put(`threePublic/${k}`, `“三公”经费·${label}`, b.threePublic[k as keyof typeof tp]);
  for (const l of b.procurement) put(`procurement/${l.category}/${l.fund}`, `政府采购·${PROCUREMENT_CATEGORY_LABELS[l.category]}（${FUND_LABELS[l.fund]}）`, l.amount);
  if (b.priorYear) {
    const p = b.priorYear;
    put("prior/basic", "上年预算数·基本支出", p.basic);
    put("prior/project", "上年预算数·项目支出", p.project);
    put("prior/operatingFunds", "上年预算数·机关运行经费", p.operatingFunds);
    for (const [k, label] of Object.entries(tp)) put(`prior/threePublic/${k}`, `上年预算数·${label}`, p.threePublic[k as keyof typeof tp]);
    for (const [code, v] of Object.entries(p.expenditureByFunction ?? {})) put(`prior/function/${code}`, `上年预算数·${code}`, v);
  }
  return out;
}

/**
 * Every amount that differs between two versions of a budget, old and new value in 元, for the
 * trail. Amounts are matched by what they are (subjects, project code), not by row position, so
 * inserting a line does not show every later line as changed.
 */
export function amountChanges(before: Budget | null, after: Budget): AmountChange[] {
  const a = before ? amounts(before) : new Map() as Amounts;
  const b = amounts(after);
  const changes: AmountChange[] = [];
  for (const [key, now] of b) {
    const was = a.get(key);
    if (!was) {
      if (!now.value.isZero()) changes.push({ key, label: now.label, oldValue: null, newValue: now.value.toFixed(2) });
    } else if (!was.value.equals(now.value)) {
      changes.push({ key, label: now.label, oldValue: was.value.toFixed(2), newValue: now.value.toFixed(2) });
    }
  }
  for (const [key, was] of a) {
    if (!b.has(key) && !was.value.isZero()) changes.push({ key, label: was.label, oldValue: was.value.toFixed(2), newValue: null });
  }
  return changes.sort((x, y) => x.key.localeCompare(y.key));
}
