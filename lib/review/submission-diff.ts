import { yuanText } from "@/lib/format";
import { budgetAmounts, type SubjectNames } from "@/lib/budget/amounts";
import type { Budget, Indicator } from "@/lib/budget/model";
import { FIELD_LABELS, FUND_LABELS } from "@/lib/budget/package/labels";
import { PACKAGE_KEY_ORDER } from "@/lib/budget/parts";

/**
 * What changed between two submissions of a budget, line by line: every amount, text and
 * indicator is flattened to one keyed value, and the two flat views are compared. Amounts come
 * from the one walk (lib/budget/amounts.ts), keyed as the trail keys them: by what identifies
 * them (a project by its code, a basic line by function/economic/fund), not by position, so that
 * reordering is not a change.
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

export type { SubjectNames } from "@/lib/budget/amounts";

const NO_NAMES: SubjectNames = { functionName: () => "", economicName: () => "" };

const indicatorsText = (list: Indicator[]) =>
  list
    .map(
      (i) =>
        `${[i.level1, i.level2]
          .filter(Boolean)
          .map((l) => `${l}/`)
          .join("")}${i.name} ${i.operator} ${i.value}${i.unit ?? ""}${i.weight ? `（权重${i.weight}）` : ""}${i.core ? "★" : ""}`,
    )
    .join("；");

export function flattenBudget(b: Budget, names: SubjectNames = NO_NAMES): Map<string, Flat> {
  const out = new Map<string, Flat>();
  const put = (key: string, section: string, label: string, value: string | undefined) => {
    if (value !== undefined && value !== "") out.set(key, { section, label, value });
  };
  const fund = (f: string) => (FUND_LABELS as Record<string, string>)[f] ?? f;
  const field = (path: string) => FIELD_LABELS[path] ?? path;
  const fn = (code: string) => `${code} ${names.functionName(code)}`.trim();
  const ec = (code: string) => `${code} ${names.economicName(code)}`.trim();

  put("unit/name", "unit", "单位名称", b.unit.name);
  put("unit/functions", "unit", "主要职能", b.unit.functions.join("；"));
  put("unit/structure", "unit", "机构设置", b.unit.structure);
  put("unit/subUnits", "unit", "下属单位", b.unit.subUnits.map((s) => `${s.code} ${s.name}`).join("；"));
  put("unit/performanceOffice", "unit", "绩效管理机构", b.unit.performanceOffice);
  put("unit/contact", "unit", "联系人及电话", [b.unit.contact.name, b.unit.contact.phone].filter(Boolean).join(" "));

  for (const a of budgetAmounts(b, names).values()) put(a.key, a.part, a.label, yuanText(a.amount));

  for (const p of b.projects) {
    const k = `project/${p.code}`;
    const label = (what: string) => `项目 ${p.code} ${p.name}：${what}`;
    put(`${k}/name`, "projects", label("名称"), p.name);
    put(`${k}/function`, "projects", label("功能分类"), fn(p.function));
    put(`${k}/economic`, "projects", label("经济分类"), p.economic ? ec(p.economic) : undefined);
    put(`${k}/fund`, "projects", label("资金来源"), fund(p.fund));
    put(`${k}/subUnit`, "projects", label("实施单位"), p.subUnit);
    put(`${k}/category`, "projects", label("项目类别"), p.category);
    put(`${k}/owner`, "projects", label("负责人"), p.owner);
    put(`${k}/summary`, "projects", label("项目概述"), p.summary);
    put(`${k}/basis`, "projects", label("立项依据"), p.basis);
    put(`${k}/goal`, "projects", label("绩效目标"), p.goal);
    put(`${k}/executionRateWeight`, "projects", label("执行率权重"), p.executionRateWeight);
    put(`${k}/disclose`, "projects", label("公开绩效目标"), p.disclose ? "是" : "否");
    put(`${k}/tier`, "projects", label("项目层级"), p.tier === "program" ? "一级项目" : undefined);
    put(`${k}/program`, "projects", label("所属一级项目"), p.program);
    put(`${k}/indicators`, "projects", label("绩效指标"), indicatorsText(p.indicators));
  }

  const v = b.assets.vehicles;
  const pp = b.assets.plannedPurchase;
  put("assets/vehicles", "assets", "车辆：现有（一般公务/执法执勤/其他）", `${v.general}/${v.lawEnforcement}/${v.other}`);
  put("assets/planned", "assets", "车辆：拟购置（一般公务/执法执勤/其他）", `${pp.general}/${pp.lawEnforcement}/${pp.other}`);
  put("performance/goal", "performance", "整体绩效目标", b.performance.goal);
  put("performance/indicators", "performance", "整体绩效指标", indicatorsText(b.performance.indicators));

  const { threePublic: tpReasons, ...reasons } = b.narrative;
  for (const [key, text] of Object.entries(reasons)) put(`narrative/${key}`, "narrative", `说明：${field(`narrative.${key}`)}`, text);
  for (const [key, text] of Object.entries(tpReasons)) {
    put(`narrative/threePublic/${key}`, "narrative", `说明：“三公”经费增减原因（${field(`narrative.threePublic.${key}`)}）`, text);
  }
  put("disclosure/tables", "narrative", "公开的表", b.disclosure?.tables?.join("、"));
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
  const order = PACKAGE_KEY_ORDER as readonly string[];
  return out.sort((x, y) => order.indexOf(x.section) - order.indexOf(y.section) || x.key.localeCompare(y.key));
}
