import Decimal from "decimal.js";
import type { Budget } from "@/lib/budget/model";
import type { NarrativeNumbers } from "./figures";
import { escapeMarkdownText } from "./escape";
import { wanText } from "@/lib/format";
import { changePhrase, clause, sentence, shortChange } from "./phrases";

/**
 * The sections of 部门预算情况说明, worded as the published samples (shared/samples): every
 * number comes from NarrativeNumbers, only the reasons and usages are the accountant's text.
 */

/** “比 2023 年减少 375.61 万元”, or nothing when last year is unknown. */
function versus(n: NarrativeNumbers, current: Decimal, prior: Decimal | undefined): string | undefined {
  return prior === undefined ? undefined : changePhrase(current.minus(prior), n.priorYear);
}

export function basicInfo(b: Budget): string[] {
  const functions = b.unit.functions.map((f, i) => `${i + 1}. ${escapeMarkdownText(f)}`);
  return [
    "### 一、单位基本情况",
    "#### （一）职能职责",
    functions.length ? functions.join("\n") : "（未填写）",
    "#### （二）单位构成",
    escapeMarkdownText(b.unit.structure ?? "") || "（未填写）",
  ];
}

const INCOME_ITEMS: { fund: keyof NarrativeNumbers["income"]; label: string; always: boolean }[] = [
  { fund: "generalBudget", label: "一般公共预算拨款", always: true },
  { fund: "governmentFund", label: "政府性基金预算拨款", always: true },
  { fund: "stateCapital", label: "国有资本经营预算拨款", always: true },
  { fund: "specialAccount", label: "财政专户管理资金", always: true },
  { fund: "operations", label: "事业收入", always: true },
  { fund: "superiorSubsidy", label: "上级补助收入", always: false },
  { fund: "subordinateRemit", label: "附属单位上缴收入", always: false },
  { fund: "business", label: "事业单位经营收入资金", always: true },
  { fund: "other", label: "其他收入资金", always: true },
];

export function overall(b: Budget, n: NarrativeNumbers): string[] {
  const y = n.year;
  // The samples list seven sources; the other ones (and carryover) are listed when not zero,
  // so the listed parts always add up to the total printed before them.
  const incomeParts = INCOME_ITEMS.filter((i) => i.always || !n.income[i.fund].isZero()).map((i) => `${i.label} ${wanText(n.income[i.fund])}`);
  if (!n.carryover.isZero()) incomeParts.push(`上年结转 ${wanText(n.carryover)}`);
  const incomeChange = versus(n, n.incomeTotal, n.prior?.total);
  const income =
    `（一）收入预算：${y} 年年初预算数 ${wanText(n.incomeTotal)}，其中：${incomeParts.join("，")}。` +
    (incomeChange ? sentence([`收入${incomeChange}`, clause(b.narrative.incomeChange)]) : "");

  const classes = n.expenditureByClass.map((c) => `${c.name || c.code} ${wanText(c.amount)}`);
  const expenditureChange = versus(n, n.expenditureTotal, n.prior?.total);
  const defaultReason = n.prior
    ? `主要是${shortChange("基本支出", n.allBasic.minus(n.prior.basic))}，${shortChange("项目支出", n.allProject.minus(n.prior.project))}`
    : undefined;
  const expenditure =
    `（二）支出预算：${y} 年年初预算数 ${wanText(n.expenditureTotal)}` +
    (classes.length ? `，其中：${classes.join("，")}。` : "。") +
    (expenditureChange ? sentence([`支出${expenditureChange}`, clause(b.narrative.expenditureChange) ?? defaultReason]) : "");
  return ["### 二、部门收支总体情况", income, expenditure];
}

export function generalBudget(b: Budget, n: NarrativeNumbers): string[] {
  const y = n.year;
  const r = b.narrative;
  const head = sentence([
    `${y} 年一般公共预算财政拨款收入 ${wanText(n.generalBudgetIncome)}`,
    `一般公共预算财政拨款支出 ${wanText(n.generalBudgetExpenditure)}`,
    versus(n, n.generalBudgetExpenditure, n.prior?.total),
  ]);
  const basic = [`基本支出 ${wanText(n.basic)}`, versus(n, n.basic, n.prior?.basic), clause(r.basicChange), clause(r.basicUsage)];
  const project = [`项目支出 ${wanText(n.project)}`, versus(n, n.project, n.prior?.project), clause(r.projectChange), clause(r.projectUsage)];
  const detail = `其中：${sentence(basic, "；")}${sentence(project)}`;
  const fund = n.governmentFund.total.isZero()
    ? `${y} 年无使用政府性基金预算拨款安排的支出。`
    : `${y} 年政府性基金预算拨款支出 ${wanText(n.governmentFund.total)}，其中：基本支出 ${wanText(n.governmentFund.basic)}，项目支出 ${wanText(n.governmentFund.project)}。`;
  return ["### 三、部门预算情况说明", head + detail, fund];
}

export function threePublic(b: Budget, n: NarrativeNumbers): string[] {
  const y = n.year;
  const p = n.prior?.threePublic;
  const reasons = b.narrative.threePublic;
  const item = (label: string, key: "abroad" | "reception" | "vehicleOperation" | "vehiclePurchase") =>
    [`${label} ${wanText(n.threePublic[key])}`, versus(n, n.threePublic[key], p?.[key]), clause(reasons[key])].filter(Boolean).join("，");
  const total = sentence([`${y} 年“三公”经费预算 ${wanText(n.threePublic.total)}`, versus(n, n.threePublic.total, p?.total)]);
  const items = [
    item("因公出国（境）费用", "abroad"),
    item("公务接待费", "reception"),
    item("公务用车运行维护费", "vehicleOperation"),
    item("公务用车购置费", "vehiclePurchase"),
  ];
  return ["### 四、“三公”经费情况说明", `${total}其中：${items.join("；")}。`];
}

export function otherMatters(b: Budget, n: NarrativeNumbers): string[] {
  const y = n.year;
  const r = b.narrative;
  const operating =
    "（一）机关运行经费。" +
    sentence([
      `${y} 年一般公共预算财政拨款运行经费 ${wanText(n.operatingFunds)}`,
      versus(n, n.operatingFunds, n.prior?.operatingFunds),
      clause(r.operatingFundsChange),
      clause(r.operatingFundsUsage),
    ]);

  const pr = n.procurement;
  const gb = n.procurementGeneralBudget;
  const procurement = pr.total.isZero()
    ? `（二）政府采购情况。${y} 年本部门无政府采购预算，所属各预算单位政府采购预算总额 ${wanText(pr.total)}。`
    : `（二）政府采购情况。所属各预算单位政府采购预算总额 ${wanText(pr.total)}：政府采购货物预算 ${wanText(pr.goods)}、` +
      `政府采购工程预算 ${wanText(pr.works)}、政府采购服务预算 ${wanText(pr.services)}；其中一般公共预算拨款政府采购 ` +
      `${wanText(gb.total)}：政府采购货物预算 ${wanText(gb.goods)}、政府采购工程预算 ${wanText(gb.works)}、政府采购服务预算 ${wanText(gb.services)}。`;

  const performance = n.project.isZero()
    ? `（三）绩效目标设置情况。${y} 年本部门无一般公共预算财政拨款项目支出。`
    : `（三）绩效目标设置情况。${y} 年项目支出均实行了绩效目标管理，涉及一般公共预算财政拨款 ${wanText(n.project)}。`;

  const assets = b.assets;
  const [asOfYear, asOfMonth] = (assets.asOf ?? `${y - 1}-12`).split("-");
  const vehicles = (c: typeof assets.vehicles, lead: string) => {
    const total = c.general + c.lawEnforcement + c.other;
    const other = c.other ? `、其他用车 ${c.other} 辆` : "";
    return `${lead} ${total} 辆，其中一般公务用车 ${c.general} 辆、执勤执法用车 ${c.lawEnforcement} 辆${other}。`;
  };
  const assetText =
    `（四）国有资产占有使用情况。截至 ${asOfYear} 年 ${Number(asOfMonth)} 月，` +
    vehicles(assets.vehicles, "所属各预算单位共有车辆") +
    vehicles(assets.plannedPurchase, `${y} 年一般公共预算安排购置车辆`);

  return ["### 五、其他重要事项的情况说明", operating, procurement, performance, assetText];
}

export const GLOSSARY_HEADING = "### 六、专业性名词解释";

/** The standard 专业性名词解释 (the samples'), one paragraph each; a budget may publish its own. */
export const STANDARD_GLOSSARY: readonly string[] = [
  "（一）财政拨款收入：指本年度从本级财政部门取得的财政拨款，包括一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款。",
  "（二）其他收入：指单位取得的除“财政拨款收入”、“事业收入”、“经营收入”等以外的收入。",
  "（三）基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员经费和公用经费。",
  "（四）项目支出：指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。",
  "（五）“三公”经费：指用财政拨款安排的因公出国（境）费、公务用车购置及运行维护费、公务接待费。其中，因公出国（境）费反映单位公务出国（境）的国际旅费、国外城市间交通费、住宿费、伙食费、培训费、公杂费等支出；公务用车购置费反映单位公务用车购置支出（含车辆购置税）；公务用车运行维护费反映单位按规定保留的公务用车燃料费、维修费、过路过桥费、保险费、安全奖励费用等支出；公务接待费反映单位按规定开支的各类公务接待（含外宾接待）支出。",
];

/** The standard text as the workspace form shows it: one paragraph a line. */
export const STANDARD_GLOSSARY_TEXT = STANDARD_GLOSSARY.join("\n");

/** 六、专业性名词解释: the budget's own text (one paragraph a non-empty line) or the standard one. */
export function glossary(b: Budget): string[] {
  const own = b.narrative.glossary
    ?.split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "");
  return [GLOSSARY_HEADING, ...(own && own.length > 0 ? own : STANDARD_GLOSSARY)];
}

export function contact(b: Budget): string {
  return `部门预算公开联系人：${escapeMarkdownText(b.unit.contact.name ?? "")}      联系方式：${escapeMarkdownText(b.unit.contact.phone ?? "")}`;
}
