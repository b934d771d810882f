import type { Budget, Indicator } from "@/lib/budget/model";
import type { RuleContext } from "./types";

/** One free-text field of a budget, with its path and the name an accountant knows it by. */
export interface TextField {
  path: string;
  /** Chinese, e.g. 项目“日常维稳专项工作经费”的项目概述. */
  label: string;
  value: string;
}

const INDICATOR_FIELDS: { key: keyof Indicator & string; label: string }[] = [
  { key: "level1", label: "一级指标" },
  { key: "level2", label: "二级指标" },
  { key: "name", label: "三级指标" },
  { key: "unit", label: "计量单位" },
  { key: "value", label: "指标值" },
];

/**
 * A field inside a list (a project's, an indicator's): its path and label are built only when a
 * rule reports it. A budget has hundreds of such fields and a rule run reads every one, while a
 * finding names a few (building both strings for each was most of what the rules allocated).
 */
class ListedField implements TextField {
  constructor(
    readonly value: string,
    private readonly list: string,
    private readonly index: number,
    private readonly key: string,
    private readonly owner: string,
    private readonly what: string,
    private readonly indicator: boolean,
  ) {}
  get path(): string {
    return `${this.list}[${this.index}].${this.key}`;
  }
  get label(): string {
    return this.indicator ? `${this.owner}第 ${this.index + 1} 条绩效指标的${this.what}` : `项目“${this.owner}”的${this.what}`;
  }
}

function indicatorFields(out: TextField[], indicators: readonly Indicator[], path: string, owner: string) {
  for (let i = 0; i < indicators.length; i++) {
    const ind = indicators[i]!;
    for (const f of INDICATOR_FIELDS) {
      const value = ind[f.key];
      if (typeof value === "string") out.push(new ListedField(value, path, i, f.key, owner, f.label, true));
    }
  }
}

const NARRATIVE_FIELDS = [
  ["incomeChange", "收入增减原因"],
  ["expenditureChange", "支出增减原因"],
  ["basicChange", "基本支出增减原因"],
  ["basicUsage", "基本支出主要用途"],
  ["projectChange", "项目支出增减原因"],
  ["projectUsage", "项目支出主要用途"],
  ["operatingFundsChange", "机关运行经费增减原因"],
  ["operatingFundsUsage", "机关运行经费主要用途"],
  ["glossary", "专业性名词解释"],
] as const;

const THREE_PUBLIC_FIELDS = [
  ["abroad", "因公出国（境）费"],
  ["vehiclePurchase", "公务用车购置费"],
  ["vehicleOperation", "公务用车运行维护费"],
  ["reception", "公务接待费"],
] as const;

const PROJECT_FIELDS = [
  ["code", "项目编码"],
  ["name", "项目名称"],
  ["category", "项目分类"],
  ["owner", "项目负责人"],
  ["summary", "项目概述"],
  ["basis", "立项依据"],
  ["goal", "当年绩效目标"],
] as const;

/** Every free-text field of a budget that is published or printed, in the order of the forms. */
export function textFields(b: Budget): TextField[] {
  const out: TextField[] = [{ path: "unit.name", label: "部门名称", value: b.unit.name }];
  b.unit.functions.forEach((f, i) => out.push({ path: `unit.functions[${i}]`, label: `职能职责第 ${i + 1} 条`, value: f }));
  if (b.unit.structure !== undefined) out.push({ path: "unit.structure", label: "单位构成", value: b.unit.structure });
  b.unit.subUnits.forEach((s, i) => out.push({ path: `unit.subUnits[${i}].name`, label: `所属单位 ${s.code} 的名称`, value: s.name }));
  if (b.unit.performanceOffice !== undefined) out.push({ path: "unit.performanceOffice", label: "归口管理科室", value: b.unit.performanceOffice });
  if (b.unit.contact.name !== undefined) out.push({ path: "unit.contact.name", label: "部门预算公开联系人", value: b.unit.contact.name });
  if (b.unit.contact.phone !== undefined) out.push({ path: "unit.contact.phone", label: "联系电话", value: b.unit.contact.phone });
  for (let i = 0; i < b.projects.length; i++) {
    const p = b.projects[i]!;
    for (const [key, label] of PROJECT_FIELDS) {
      const value = p[key];
      if (value !== undefined) out.push(new ListedField(value, "projects", i, key, p.name, label, false));
    }
    indicatorFields(out, p.indicators, `projects[${i}].indicators`, `项目“${p.name}”的`);
  }
  if (b.performance.goal !== undefined) out.push({ path: "performance.goal", label: "部门整体绩效目标", value: b.performance.goal });
  indicatorFields(out, b.performance.indicators, "performance.indicators", "部门整体支出");
  for (const [key, label] of NARRATIVE_FIELDS) {
    const value = b.narrative[key];
    if (value !== undefined) out.push({ path: `narrative.${key}`, label: `情况说明的${label}`, value });
  }
  for (const [key, label] of THREE_PUBLIC_FIELDS) {
    const value = b.narrative.threePublic[key];
    if (value !== undefined) out.push({ path: `narrative.threePublic.${key}`, label: `情况说明的${label}增减原因`, value });
  }
  return out;
}

const LISTED = Symbol("textFields");

/**
 * textFields of the context's budget, listed once per rule run: three text rules read every
 * field, and a long budget has hundreds. Kept on the context itself, not in a module's WeakMap:
 * V8's young-generation collections keep a WeakMap's entries alive, so every run's list was
 * promoted to the old generation (bench/profile-engine.ts, issue 17).
 */
export function textFieldsOf(ctx: RuleContext): readonly TextField[] {
  const listed = ctx as RuleContext & { [LISTED]?: TextField[] };
  return (listed[LISTED] ??= textFields(ctx.budget));
}
