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

function* indicatorFields(indicators: readonly Indicator[], path: string, owner: string): Generator<TextField> {
  for (const [i, ind] of indicators.entries()) {
    for (const f of INDICATOR_FIELDS) {
      const value = ind[f.key];
      if (typeof value === "string") {
        yield { path: `${path}[${i}].${f.key}`, label: `${owner}第 ${i + 1} 条绩效指标的${f.label}`, value };
      }
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
export function* textFields(b: Budget): Generator<TextField> {
  yield { path: "unit.name", label: "部门名称", value: b.unit.name };
  for (const [i, f] of b.unit.functions.entries()) yield { path: `unit.functions[${i}]`, label: `职能职责第 ${i + 1} 条`, value: f };
  if (b.unit.structure !== undefined) yield { path: "unit.structure", label: "单位构成", value: b.unit.structure };
  for (const [i, s] of b.unit.subUnits.entries()) yield { path: `unit.subUnits[${i}].name`, label: `所属单位 ${s.code} 的名称`, value: s.name };
  if (b.unit.performanceOffice !== undefined) yield { path: "unit.performanceOffice", label: "归口管理科室", value: b.unit.performanceOffice };
  if (b.unit.contact.name !== undefined) yield { path: "unit.contact.name", label: "部门预算公开联系人", value: b.unit.contact.name };
  if (b.unit.contact.phone !== undefined) yield { path: "unit.contact.phone", label: "联系电话", value: b.unit.contact.phone };
  for (const [i, p] of b.projects.entries()) {
    for (const [key, label] of PROJECT_FIELDS) {
      const value = p[key];
      if (value !== undefined) yield { path: `projects[${i}].${key}`, label: `项目“${p.name}”的${label}`, value };
    }
    yield* indicatorFields(p.indicators, `projects[${i}].indicators`, `项目“${p.name}”的`);
  }
  if (b.performance.goal !== undefined) yield { path: "performance.goal", label: "部门整体绩效目标", value: b.performance.goal };
  yield* indicatorFields(b.performance.indicators, "performance.indicators", "部门整体支出");
  for (const [key, label] of NARRATIVE_FIELDS) {
    const value = b.narrative[key];
    if (value !== undefined) yield { path: `narrative.${key}`, label: `情况说明的${label}`, value };
  }
  for (const [key, label] of THREE_PUBLIC_FIELDS) {
    const value = b.narrative.threePublic[key];
    if (value !== undefined) yield { path: `narrative.threePublic.${key}`, label: `情况说明的${label}增减原因`, value };
  }
}

const listed = new WeakMap<RuleContext, TextField[]>();

/**
 * textFields of the context's budget, listed once per rule run: three text rules read every
 * field, and a long budget has hundreds (each with its path and label built).
 */
export function textFieldsOf(ctx: RuleContext): readonly TextField[] {
  let fields = listed.get(ctx);
  if (!fields) listed.set(ctx, (fields = [...textFields(ctx.budget)]));
  return fields;
}
