import Decimal from "decimal.js";
import { formatWanDisplay } from "@/lib/budget/money";
import type { Budget, FundAmounts, Indicator } from "@/lib/budget/model";
import { FIELD_LABELS, FUND_LABELS, PROCUREMENT_CATEGORY_LABELS } from "@/lib/budget/package/labels";

/**
 * What changed between two submissions of a budget, line by line: every amount, text and
 * indicator is flattened to one keyed value, and the two flat views are compared. Lines are keyed
 * by what identifies them (a project by its code, a basic line by function/economic/fund), not
 * by position, so that reordering is not a change.
 */
export interface DiffEntry {
  section: string;
  key: string;
  label: string;
  change: "added" | "removed" | "changed";
  before: string | null;
  after: string | null;
}

interface Flat {
  section: string;
  label: string;
  value: string;
}

export interface SubjectNames {
  functionName(code: string): string;
  economicName(code: string): string;
}

const SECTION_ORDER = ["unit", "income", "basicExpenditure", "projects", "threePublic", "procurement", "assets", "performance", "narrative"];

const NO_NAMES: SubjectNames = { functionName: () => "", economicName: () => "" };

/** Amounts in 元 with fen and separators: a change of one fen still shows. */
const yuan = (d: Decimal) => `${formatWanDisplay(d)} 元`;
const indicatorsText = (list: Indicator[]) =>
  list.map((i) => `${[i.level1, i.level2].filter(Boolean).map((l) => `${l}/`).join("")}${i.name} ${i.operator} ${i.value}${i.unit ?? ""}${i.weight ? `（权重${i.weight}）` : ""}${i.core ? "★" : ""}`).join("；");

export function flattenBudget(b: Budget, names: SubjectNames = NO_NAMES): Map<string, Flat> {
  const out = new Map<string, Flat>();
  const amounts = new Map<string, { section: string; label: string; amount: Decimal }>();
  const put = (key: string, section: string, label: string, value: string | undefined) => {
    if (value !== undefined && value !== "") out.set(key, { section, label, value });
  };
  const add = (key: string, section: string, label: string, amount: Decimal) => {
    // Several lines with the same identity add up, as the engine sums them.
    const prev = amounts.get(key);
    amounts.set(key, { section, label, amount: prev ? prev.amount.plus(amount) : amount });
  };
  const fund = (f: string) => (FUND_LABELS as Record<string, string>)[f] ?? f;
  const field = (path: string) => FIELD_LABELS[path] ?? path;
  const fn = (code: string) => `${code} ${names.functionName(code)}`.trim();
  const ec = (code: string) => `${code} ${names.economicName(code)}`.trim();

  put("unit.name", "unit", "单位名称", b.unit.name);
  put("unit.functions", "unit", "主要职能", b.unit.functions.join("；"));
  put("unit.structure", "unit", "机构设置", b.unit.structure);
  put("unit.subUnits", "unit", "下属单位", b.unit.subUnits.map((s) => `${s.code} ${s.name}`).join("；"));
  put("unit.performanceOffice", "unit", "绩效管理机构", b.unit.performanceOffice);
  put("unit.contact", "unit", "联系人及电话", [b.unit.contact.name, b.unit.contact.phone].filter(Boolean).join(" "));

  const { carryover, ...current } = b.income;
  for (const [f, amount] of Object.entries(current as FundAmounts)) {
    if (!amount.isZero()) add(`income.${f}`, "income", `收入：${fund(f)}`, amount);
  }
  for (const [f, amount] of Object.entries(carryover)) {
    if (!amount.isZero()) add(`income.carryover.${f}`, "income", `上年结转：${fund(f)}`, amount);
  }

  for (const l of b.basicExpenditure) {
    add(`basic.${l.function}/${l.economic}/${l.fund}`, "basicExpenditure", `基本支出 ${fn(l.function)} × ${ec(l.economic)}（${fund(l.fund)}）`, l.amount);
  }

  for (const p of b.projects) {
    const k = `project.${p.code}`;
    const label = (what: string) => `项目 ${p.code} ${p.name}：${what}`;
    put(`${k}.name`, "projects", label("名称"), p.name);
    put(`${k}.amount`, "projects", label("金额"), yuan(p.amount));
    put(`${k}.ownArrangement`, "projects", label("本级安排"), yuan(p.ownArrangement));
    put(`${k}.superiorSubsidy`, "projects", label("上级补助"), yuan(p.superiorSubsidy));
    put(`${k}.function`, "projects", label("功能分类"), fn(p.function));
    put(`${k}.economic`, "projects", label("经济分类"), p.economic ? ec(p.economic) : undefined);
    put(`${k}.fund`, "projects", label("资金来源"), fund(p.fund));
    put(`${k}.subUnit`, "projects", label("实施单位"), p.subUnit);
    put(`${k}.category`, "projects", label("项目类别"), p.category);
    put(`${k}.owner`, "projects", label("负责人"), p.owner);
    put(`${k}.summary`, "projects", label("项目概述"), p.summary);
    put(`${k}.basis`, "projects", label("立项依据"), p.basis);
    put(`${k}.goal`, "projects", label("绩效目标"), p.goal);
    put(`${k}.executionRateWeight`, "projects", label("执行率权重"), p.executionRateWeight);
    put(`${k}.disclose`, "projects", label("公开绩效目标"), p.disclose ? "是" : "否");
    put(`${k}.tier`, "projects", label("项目层级"), p.tier === "program" ? "一级项目" : undefined);
    put(`${k}.program`, "projects", label("所属一级项目"), p.program);
    put(`${k}.indicators`, "projects", label("绩效指标"), indicatorsText(p.indicators));
  }

  for (const [item, amount] of Object.entries(b.threePublic)) {
    if (!amount.isZero()) add(`threePublic.${item}`, "threePublic", `“三公”经费：${field(`threePublic.${item}`)}`, amount);
  }
  for (const l of b.procurement) {
    add(`procurement.${l.category}/${l.fund}`, "procurement", `政府采购：${PROCUREMENT_CATEGORY_LABELS[l.category]}（${fund(l.fund)}）`, l.amount);
  }
  const v = b.assets.vehicles;
  const pp = b.assets.plannedPurchase;
  put("assets.vehicles", "assets", "车辆：现有（一般公务/执法执勤/其他）", `${v.general}/${v.lawEnforcement}/${v.other}`);
  put("assets.planned", "assets", "车辆：拟购置（一般公务/执法执勤/其他）", `${pp.general}/${pp.lawEnforcement}/${pp.other}`);
  put("performance.goal", "performance", "整体绩效目标", b.performance.goal);
  put("performance.indicators", "performance", "整体绩效指标", indicatorsText(b.performance.indicators));

  const { threePublic: tpReasons, ...reasons } = b.narrative;
  for (const [key, text] of Object.entries(reasons)) put(`narrative.${key}`, "narrative", `说明：${field(`narrative.${key}`)}`, text);
  for (const [key, text] of Object.entries(tpReasons)) {
    put(`narrative.threePublic.${key}`, "narrative", `说明：“三公”经费增减原因（${field(`narrative.threePublic.${key}`)}）`, text);
  }
  put("disclosure.tables", "narrative", "公开的表", b.disclosure?.tables?.join("、"));
  for (const [key, a] of amounts) out.set(key, { section: a.section, label: a.label, value: yuan(a.amount) });
  return out;
}

export function diffBudgets(before: Budget, after: Budget, names?: SubjectNames): DiffEntry[] {
  const a = flattenBudget(before, names);
  const b = flattenBudget(after, names);
  const out: DiffEntry[] = [];
  for (const [key, next] of b) {
    const prev = a.get(key);
    if (!prev) out.push({ section: next.section, key, label: next.label, change: "added", before: null, after: next.value });
    else if (prev.value !== next.value) out.push({ section: next.section, key, label: next.label, change: "changed", before: prev.value, after: next.value });
  }
  for (const [key, prev] of a) {
    if (!b.has(key)) out.push({ section: prev.section, key, label: prev.label, change: "removed", before: prev.value, after: null });
  }
  // In the order of the accountant's form, then by key.
  return out.sort((x, y) => SECTION_ORDER.indexOf(x.section) - SECTION_ORDER.indexOf(y.section) || x.key.localeCompare(y.key));
}
