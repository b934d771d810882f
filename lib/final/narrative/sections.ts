import Decimal from "decimal.js";
import type { FinalAccounts, ThreePublicKey } from "@/lib/final/model";
import type { F10SelfEvaluation } from "@/lib/final/tables/types";
import type { FinalNumbers } from "./figures";
import { change, clause, pct, sentence, share, versus, wan } from "./phrases";

/**
 * The sections of 部门决算情况说明 in the seed's order and wording
 * (shared/samples/beibei-government-office-2020-final-accounts.txt): every number comes from
 * FinalNumbers, only reasons and usages are the accountant's text.
 */

const PRIOR = "上年决算数";
const INITIAL = "年初预算数";
const PRIOR_SPENT = "上年支出数";

export function basicInfo(f: FinalAccounts): string[] {
  const functions = f.unit.functions.map((x, i) => `${i + 1}.${x.trim()}`);
  return [
    "### 一、部门基本情况",
    "#### （一）职能职责",
    functions.length ? functions.join("\n") : "（未填写）",
    "#### （二）机构设置",
    f.unit.structure?.trim() || "（未填写）",
    "#### （三）单位构成",
    f.unit.composition?.trim() || "（未填写）",
  ];
}

export function overall(f: FinalAccounts, n: FinalNumbers): string[] {
  const y = n.year;
  const r = f.reasons;
  const p = n.prior;
  let whole = `1.总体情况。${y}年度收入总计${wan(n.grandTotal)}，支出总计${wan(n.grandTotal)}。`;
  if (p) {
    const c = change(n.grandTotal, p.grandTotal);
    whole +=
      c.verb === "持平"
        ? sentence([`收支与${PRIOR}${wan(p.grandTotal)}持平`, clause(r.total)])
        : sentence([`收支较${PRIOR}${wan(p.grandTotal)}${c.verb}${wan(c.amount)}${c.rate ? `、${c.rate}` : ""}`, clause(r.total)]);
  }
  const part = (label: string, amount: Decimal) => [`${label}${wan(amount)}`, share(amount, n.incomeTotal)].filter(Boolean).join("，");
  const sources = [part("财政拨款收入", n.fiscalIncome), ...n.otherIncome.map((o) => part(o.label, o.amount))];
  const income =
    `2.收入情况。` +
    sentence([`${y}年度收入合计${wan(n.incomeTotal)}`, versus(PRIOR, n.incomeTotal, p?.incomeTotal), clause(r.income)]) +
    `其中：${sources.join("；")}。`;
  const expenditure =
    `3.支出情况。` +
    sentence([`${y}年度支出合计${wan(n.expenditureTotal)}`, versus(PRIOR, n.expenditureTotal, p?.expenditureTotal), clause(r.expenditure)]) +
    `其中：${[`基本支出${wan(n.basic)}`, share(n.basic, n.expenditureTotal)].filter(Boolean).join("，")}；` +
    `${[`项目支出${wan(n.project)}`, share(n.project, n.expenditureTotal)].filter(Boolean).join("，")}。`;
  const closing = `4.结转结余情况。` + sentence([`${y}年度年末结转和结余${wan(n.closing)}`, versus(PRIOR, n.closing, p?.closing), clause(r.closing)]);
  return ["### 二、部门决算情况说明", "#### （一）收入支出决算总体情况说明", whole, income, expenditure, closing];
}

export function fiscal(f: FinalAccounts, n: FinalNumbers): string[] {
  const y = n.year;
  const p = n.prior;
  let text = `${y}年度财政拨款收、支总计${wan(n.fiscalGrandTotal)}。`;
  if (p) {
    const c = change(n.fiscalGrandTotal, p.fiscalGrandTotal);
    text +=
      c.verb === "持平"
        ? `与${y - 1}年相比，财政拨款收、支总计持平。`
        : `与${y - 1}年相比，财政拨款收、支总计各${c.verb}${wan(c.amount)}${c.rate ? `，${c.rate}` : ""}。`;
    text += sentence([clause(f.reasons.fiscal)]);
  }
  return ["#### （二）财政拨款收入支出决算总体情况说明", text];
}

/** “较上年决算数…。reason。较年初预算数…。reason。” — the two comparisons of one figure. */
function twoWays(current: Decimal, prior: Decimal | undefined, initial: Decimal, reasons: { prior?: string; initial?: string }): string {
  return sentence([versus(PRIOR, current, prior), clause(reasons.prior)]) + sentence([versus(INITIAL, current, initial), clause(reasons.initial)]);
}

export function generalBudget(f: FinalAccounts, n: FinalNumbers): string[] {
  const y = n.year;
  const g = n.generalBudget;
  const r = f.reasons;
  const p = n.prior;
  const income =
    `1.收入情况。${y}年度一般公共预算财政拨款收入${wan(g.income)}，` +
    twoWays(g.income, p?.generalBudgetIncome, g.initial, r.generalBudgetIncome) +
    (g.opening.isZero() ? "" : `此外，年初财政拨款结转和结余${wan(g.opening)}。`);
  const expenditure =
    `2.支出情况。${y}年度一般公共预算财政拨款支出${wan(g.expenditure)}，` +
    twoWays(g.expenditure, p?.generalBudgetExpenditure, g.initial, r.generalBudgetExpenditure);
  const closing =
    `3.结转结余情况。` +
    sentence([
      `${y}年度年末一般公共预算财政拨款结转和结余${wan(g.closing)}`,
      versus(PRIOR, g.closing, p?.generalBudgetClosing),
      clause(r.generalBudgetClosing),
    ]);
  const classes = n.byClass.map(
    (c, i) =>
      `（${i + 1}）` +
      sentence([`${c.name || c.code}${wan(c.amount)}`, share(c.amount, g.expenditure), versus(INITIAL, c.amount, c.initial), clause(r.byClass[c.code])]),
  );
  const compare = [`4.比较情况。本部门${y}年度一般公共预算财政拨款支出主要用于以下几个方面：`, ...classes].join("\n");
  const basic =
    `${y}年度一般公共财政拨款基本支出${wan(n.personnel.plus(n.public))}。其中：` +
    sentence([`人员经费${wan(n.personnel)}`, versus(PRIOR, n.personnel, p?.personnel), clause(r.personnel)]) +
    sentence([clause(f.usages.personnel)]) +
    sentence([`公用经费${wan(n.public)}`, versus(PRIOR, n.public, p?.public), clause(r.public)]) +
    sentence([clause(f.usages.public)]);
  const gf = n.governmentFund;
  const noFund = gf.opening.isZero() && gf.income.isZero() && gf.expenditure.isZero() && gf.closing.isZero();
  const fund = noFund
    ? `本部门${y}年度无政府性基金预算财政拨款收支。`
    : `${y}年度政府性基金预算财政拨款年初结转结余${wan(gf.opening)}，年末结转结余${wan(gf.closing)}。` +
      sentence([`本年收入${wan(gf.income)}`, versus(PRIOR, gf.income, p?.governmentFundIncome), clause(r.governmentFundIncome)]) +
      sentence([`本年支出${wan(gf.expenditure)}`, versus(PRIOR, gf.expenditure, p?.governmentFundExpenditure), clause(r.governmentFundExpenditure)]);
  const capital = n.stateCapital.isZero() ? `本部门${y}年度无国有资本经营预算财政拨款支出。` : `${y}年度国有资本经营预算财政拨款支出${wan(n.stateCapital)}。`;
  return [
    "#### （三）一般公共预算财政拨款支出决算情况说明",
    income,
    expenditure,
    closing,
    compare,
    "#### （四）一般公共预算财政拨款基本支出决算情况说明",
    basic,
    "#### （五）政府性基金预算收支决算情况说明",
    fund,
    "#### （六）国有资本经营预算财政拨款支出决算情况说明",
    capital,
  ];
}

const ITEM_LABELS: Record<ThreePublicKey, { lead: string; none: string }> = {
  abroad: { lead: "本部门因公出国（境）费用", none: "因公出国（境）费用" },
  vehiclePurchase: { lead: "本部门公务车购置费", none: "公务车购置费" },
  vehicleOperation: { lead: "公务车运行维护费", none: "公务车运行维护费" },
  reception: { lead: "公务接待费", none: "公务接待费" },
};

export function threePublic(f: FinalAccounts, n: FinalNumbers): string[] {
  const y = n.year;
  const tp = n.threePublic;
  const p = n.prior?.threePublic;
  const r = f.reasons.threePublic;
  const total =
    `${y}年度“三公”经费支出共计${wan(tp.total.actual)}，` +
    sentence([versus(INITIAL, tp.total.actual, tp.total.initial), clause(r.total.initial)]) +
    sentence([versus(PRIOR_SPENT, tp.total.actual, p?.total), clause(r.total.prior)]);
  const items = (["abroad", "vehiclePurchase", "vehicleOperation", "reception"] as const).map((k) => {
    const { actual, initial } = tp[k];
    const prior = p?.[k];
    const compared = sentence([versus(INITIAL, actual, initial), clause(r[k].initial)]) + sentence([versus(PRIOR_SPENT, actual, prior), clause(r[k].prior)]);
    if (actual.isZero()) {
      const quiet = initial.isZero() && (prior === undefined || prior.isZero());
      return `本单位${y}年度未发生${ITEM_LABELS[k].none}支出。` + (quiet ? "" : `费用支出${compared}`);
    }
    const lead = k === "abroad" || k === "vehiclePurchase" ? `${y}年度${ITEM_LABELS[k].lead}` : ITEM_LABELS[k].lead;
    return sentence([`${lead}${wan(actual)}`, clause(f.usages[k])]) + `费用支出${compared}`;
  });
  const q = f.threePublic.quantities;
  const quantities =
    `${y}年度本部门因公出国（境）共计${q.abroadGroups}个团组，${q.abroadPeople}人；公务用车购置${q.vehiclesPurchased}辆，公务车保有量为${q.vehiclesHeld}辆；` +
    `国内公务接待${q.domesticBatches}批次${q.domesticPeople}人，其中：国内外事接待${q.foreignAffairsBatches}批次，${q.foreignAffairsPeople}人；` +
    `国（境）外公务接待${q.overseasBatches}批次，${q.overseasPeople}人。` +
    `${y}年本部门人均接待费${n.receptionPerCapita.toFixed(2)}元，车均购置费${wan(n.vehiclePurchasePerVehicle)}，车均维护费${wan(n.vehicleOperationPerVehicle)}。`;
  return [
    "### 三、“三公”经费情况说明",
    "#### （一）“三公”经费支出总体情况说明",
    total,
    "#### （二）“三公”经费分项支出情况",
    ...items,
    "#### （三）“三公”经费实物量情况",
    quantities,
  ];
}

const VEHICLE_LABELS: [keyof FinalAccounts["assets"]["vehicles"], string][] = [
  ["ministerial", "副部（省）级及以上领导用车"],
  ["leaders", "主要领导干部用车"],
  ["confidential", "机要通信用车"],
  ["emergency", "应急保障用车"],
  ["lawEnforcement", "执法执勤用车"],
  ["special", "特种专业技术用车"],
  ["retiree", "离退休干部用车"],
  ["other", "其他用车"],
];

export function otherMatters(f: FinalAccounts, n: FinalNumbers): string[] {
  const y = n.year;
  const r = f.reasons;
  const p = n.prior;
  const operating =
    sentence([`${y}年度本部门机关运行经费支出${wan(n.operatingFunds)}`, clause(f.usages.operatingFunds)]) +
    sentence([`机关运行经费${versus(PRIOR, n.operatingFunds, p?.operatingFunds) ?? ""}`, clause(r.operatingFunds)]);
  const meetings =
    sentence([`本年度会议费支出${wan(n.meetings)}`, versus(PRIOR, n.meetings, p?.meetings), clause(r.meetings)]) +
    sentence([`本年度培训费支出${wan(n.training)}`, versus(PRIOR, n.training, p?.training), clause(r.training)]);
  const a = f.assets;
  const [asOfYear, asOfMonth, asOfDay] = (a.asOf ?? `${y}-12-31`).split("-");
  const vehicles = VEHICLE_LABELS.map(([k, label]) => `${label}${a.vehicles[k]}辆`);
  const totalVehicles = VEHICLE_LABELS.reduce((acc, [k]) => acc + a.vehicles[k], 0);
  const assets =
    `截至${asOfYear}年${Number(asOfMonth)}月${Number(asOfDay)}日，本部门共有车辆${totalVehicles}辆，其中，${vehicles.join("、")}。` +
    `单价50万元（含）以上通用设备${a.generalEquipmentOver50}台（套），单价100万元（含）以上专用设备${a.specialEquipmentOver100}台（套）。`;
  const pr = n.procurement;
  const ratio = (part: Decimal) => share(part, pr.total)?.replace(/^占/, "占政府采购支出总额的");
  const procurement = pr.total.isZero()
    ? `本部门${y}年度无政府采购支出。`
    : `${y}年度本部门政府采购支出总额${wan(pr.total)}，其中：政府采购货物支出${wan(pr.goods)}、政府采购工程支出${wan(pr.works)}、政府采购服务支出${wan(pr.services)}。` +
      `授予中小企业合同金额${wan(pr.smallMedium)}，${ratio(pr.smallMedium)}，其中：授予小微企业合同金额${wan(pr.micro)}，${ratio(pr.micro)}。` +
      sentence([clause(f.usages.procurement)]);
  return [
    "### 四、其他需要说明的事项",
    "#### （一）机关运行经费情况说明",
    operating + "\n" + meetings,
    "#### （二）国有资产占用情况说明",
    assets,
    "#### （三）政府采购支出情况说明",
    procurement,
  ];
}

export function performance(f: FinalAccounts, n: FinalNumbers, evaluations: readonly F10SelfEvaluation[]): string[] {
  const y = n.year;
  const opening =
    n.evaluatedProjects === 0
      ? `本部门${y}年度未开展项目支出绩效自评。`
      : `根据预算绩效管理要求，本部门对${n.evaluatedProjects}个项目开展了绩效自评，其中，以填报目标自评表形式开展自评${n.evaluatedProjects}项，涉及资金${wan(n.evaluatedFunds)}` +
        (clause(f.performance.summary) ? `，${clause(f.performance.summary)}。` : "。");
  const results = evaluations.map(
    (e) =>
      `${e.project.name}：全年预算数${wan(new Decimal(e.funds.total.budget))}，全年执行数${wan(new Decimal(e.funds.total.actual))}，` +
      `执行率${e.funds.total.rate === "" ? "—" : `${e.funds.total.rate}%`}，自评总分${e.score}分。`,
  );
  return [
    "### 五、预算绩效管理情况说明",
    "#### （一）预算绩效管理工作开展情况",
    opening,
    "#### （二）绩效自评结果",
    results.length ? [...results, `（详见${y}年度项目支出绩效自评表）`].join("\n") : "本部门未公开项目支出绩效自评表。",
    "#### （三）重点绩效评价结果",
    clause(f.performance.keyEvaluation) ? `${clause(f.performance.keyEvaluation)}。` : `本部门${y}年度无重点绩效评价项目。`,
  ];
}

export const FINAL_GLOSSARY: string[] = [
  "### 六、专业名词解释",
  "（一）财政拨款收入：指本年度从本级财政部门取得的财政拨款，包括一般公共预算财政拨款和政府性基金预算财政拨款。",
  "（二）年初结转和结余：指单位上年结转本年使用的基本支出结转、项目支出结转和结余、经营结余。",
  "（三）年末结转和结余：指单位结转下年的基本支出结转、项目支出结转和结余、经营结余。",
  "（四）基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员经费和公用经费。其中：人员经费指政府收支分类经济科目中的“工资福利支出”和“对个人和家庭的补助”；公用经费指政府收支分类经济科目中除“工资福利支出”和“对个人和家庭的补助”外的其他支出。",
  "（五）项目支出：指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。",
  "（六）“三公”经费：指用一般公共预算财政拨款安排的因公出国（境）费、公务用车购置及运行维护费、公务接待费。其中，因公出国（境）费反映单位公务出国（境）的国际旅费、国外城市间交通费、住宿费、伙食费、培训费、公杂费等支出；公务用车购置费反映单位公务用车购置支出（含车辆购置税）；公务用车运行维护费反映单位按规定保留的公务用车燃料费、维修费、过路过桥费、保险费、安全奖励费用等支出；公务接待费反映单位按规定开支的各类公务接待（含外宾接待）支出。",
  "（七）机关运行经费：为保障行政单位（含参照公务员法管理的事业单位）运行用于购买货物和服务等的各项公用经费，包括办公及印刷费、邮电费、差旅费、会议费、福利费、日常维护费、专用材料及一般设备购置费、办公用房水电费、办公用房取暖费、办公用房物业管理费、公务用车运行维护费以及其他费用。",
  "（八）工资福利支出（支出经济分类科目类级）：反映单位开支的在职职工和编制外长期聘用人员的各类劳动报酬，以及为上述人员缴纳的各项社会保险费等。",
  "（九）商品和服务支出（支出经济分类科目类级）：反映单位购买商品和服务的支出（不包括用于购置固定资产的支出、战略性和应急储备支出）。",
  "（十）对个人和家庭的补助（支出经济分类科目类级）：反映用于对个人和家庭的补助支出。",
  "（十一）其他资本性支出（支出经济分类科目类级）：反映非各级发展与改革部门集中安排的用于购置固定资产、战略性和应急性储备、土地和无形资产，以及构建基础设施、大型修缮和财政支持企业更新改造所发生的支出。",
];

export function contact(f: FinalAccounts): string[] {
  return ["### 七、决算公开联系方式及信息反馈渠道", `本单位决算公开信息反馈和联系方式：${f.unit.contact.phone ?? ""}。`];
}

export { pct };
