"use client";
import { useState } from "react";
import { FUND_LABELS } from "@/lib/budget/package/labels";
import { FUNDS } from "@/lib/budget/package/schema";
import type { FinalPackage } from "@/lib/final/package/schema";
import { VEHICLE_TYPES } from "@/lib/final/package/schema";
import { REASON_KEYS, THREE_PUBLIC_ITEMS } from "@/lib/final/workspace/sections";
import { Field, FinalSection } from "./FinalSection";

export interface FinalEditorProps {
  budgetId: number;
  version: number;
  editable: boolean;
  pkg: FinalPackage;
  /** Names of the codes the package uses (功能 项, 经济 款). */
  names: Record<string, string>;
  /** 完成比例 / 指标得分 / 自评总分 as computed by the engine, per evaluated project. */
  scores: { score: string; indicators: { ratio: string; score: string }[] }[];
}

const s = (v: string | number | undefined) => (v === undefined ? "" : String(v));
const update = <T,>(list: T[], i: number, patch: Partial<T>) => list.map((x, k) => (k === i ? { ...x, ...patch } : x));

const THREE_PUBLIC_LABELS: Record<(typeof THREE_PUBLIC_ITEMS)[number], string> = {
  abroad: "因公出国（境）费",
  vehiclePurchase: "公务用车购置费",
  vehicleOperation: "公务用车运行费",
  reception: "公务接待费",
};
const QUANTITY_LABELS = {
  abroadGroups: "因公出国（境）团组数",
  abroadPeople: "因公出国（境）人次",
  vehiclesPurchased: "公务用车购置数（辆）",
  vehiclesHeld: "公务用车保有量（辆）",
  domesticBatches: "国内公务接待批次",
  domesticPeople: "国内公务接待人次",
  foreignAffairsBatches: "外事接待批次",
  foreignAffairsPeople: "外事接待人次",
  overseasBatches: "境外接待批次",
  overseasPeople: "境外接待人次",
} as const;
const VEHICLE_LABELS: Record<(typeof VEHICLE_TYPES)[number], string> = {
  ministerial: "副部（省）级及以上领导用车",
  leaders: "主要领导干部用车",
  confidential: "机要通信用车",
  emergency: "应急保障用车",
  lawEnforcement: "执法执勤用车",
  special: "特种专业技术用车",
  retiree: "离退休干部用车",
  other: "其他用车",
};
const REASON_LABELS: Record<(typeof REASON_KEYS)[number], string> = {
  total: "收入支出总体变动原因（较上年）",
  income: "收入变动原因",
  expenditure: "支出变动原因",
  closing: "年末结转和结余原因",
  personnel: "人员经费用途",
  public: "公用经费用途",
  operatingFunds: "机关运行经费变动原因",
  meetings: "会议费变动原因",
  training: "培训费变动原因",
};

export function LinesSection(p: FinalEditorProps) {
  const unit = p.pkg.amountUnit;
  const [basic, setBasic] = useState(() => (p.pkg.basicExpenditure ?? []).map((l) => ({ adjusted: s(l.adjusted), actual: s(l.actual) })));
  const [projects, setProjects] = useState(() => (p.pkg.projects ?? []).map((l) => ({ adjusted: s(l.adjusted), actual: s(l.actual) })));
  return (
    <FinalSection id="lines" title="支出决算" {...p} values={() => ({ basic, projects })} hint={`金额单位：${unit}。全年预算数留空即等于年初预算数。`}>
      <div className="dz-scroll">
        <table className="data" data-testid="final-basic-lines">
          <thead>
            <tr>
              <th>功能分类</th>
              <th>经济分类</th>
              <th>资金</th>
              <th className="num">年初预算数</th>
              <th className="num">全年预算数</th>
              <th className="num">决算数</th>
            </tr>
          </thead>
          <tbody>
            {(p.pkg.basicExpenditure ?? []).map((l, i) => {
              const label = `${l.function} ${l.economic}`;
              return (
                <tr key={i}>
                  <td>
                    {l.function} {p.names[l.function] ?? ""}
                  </td>
                  <td>
                    {l.economic} {p.names[l.economic] ?? ""}
                  </td>
                  <td>{FUND_LABELS[l.fund ?? "generalBudget"]}</td>
                  <td className="num">{s(l.initial)}</td>
                  <td>
                    <Field label={`${label} 全年预算数`} value={basic[i]!.adjusted} onChange={(v) => setBasic(update(basic, i, { adjusted: v }))} />
                  </td>
                  <td>
                    <Field label={`${label} 决算数`} value={basic[i]!.actual} onChange={(v) => setBasic(update(basic, i, { actual: v }))} />
                  </td>
                </tr>
              );
            })}
            {(p.pkg.projects ?? []).map((pr, i) => (
              <tr key={`p${i}`}>
                <td colSpan={3}>
                  项目：{pr.name}（{pr.function}）
                </td>
                <td className="num">{s(pr.initial)}</td>
                <td>
                  <Field
                    label={`项目 ${pr.name} 全年预算数`}
                    value={projects[i]!.adjusted}
                    onChange={(v) => setProjects(update(projects, i, { adjusted: v }))}
                  />
                </td>
                <td>
                  <Field label={`项目 ${pr.name} 决算数`} value={projects[i]!.actual} onChange={(v) => setProjects(update(projects, i, { actual: v }))} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </FinalSection>
  );
}

export function IncomeSection(p: FinalEditorProps) {
  const [lines, setLines] = useState(() => (p.pkg.income ?? []).map((l) => ({ function: l.function, fund: l.fund ?? "generalBudget", amount: s(l.amount) })));
  return (
    <FinalSection id="income" title="收入决算" {...p} values={() => ({ lines })} hint={`按功能分类科目和资金来源填列本年收入，金额单位：${p.pkg.amountUnit}。`}>
      {lines.length === 0 ? <p className="muted">尚未填列收入。可使用上方“按支出决算数生成收入”。</p> : null}
      <table className="data" data-testid="final-income">
        <tbody>
          {lines.map((l, i) => (
            <tr key={i}>
              <td>
                {l.function} {p.names[l.function] ?? ""}
              </td>
              <td>{FUND_LABELS[l.fund]}</td>
              <td>
                <Field label={`收入 ${l.function} ${FUND_LABELS[l.fund]}`} value={l.amount} onChange={(v) => setLines(update(lines, i, { amount: v }))} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </FinalSection>
  );
}

export function CarryoverSection(p: FinalEditorProps) {
  const init = (r: Partial<Record<(typeof FUNDS)[number], string>> | undefined) =>
    Object.fromEntries(FUNDS.map((f) => [f, s(r?.[f])])) as Record<(typeof FUNDS)[number], string>;
  const [opening, setOpening] = useState(() => init(p.pkg.carryover?.opening));
  const [closing, setClosing] = useState(() => init(p.pkg.carryover?.closing));
  return (
    <FinalSection
      id="carryover"
      title="结转结余"
      {...p}
      values={() => ({ opening, closing })}
      hint={`每项资金：年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余。金额单位：${p.pkg.amountUnit}。`}
    >
      <table className="data">
        <thead>
          <tr>
            <th>资金</th>
            <th>年初结转和结余</th>
            <th>年末结转和结余</th>
          </tr>
        </thead>
        <tbody>
          {FUNDS.map((f) => (
            <tr key={f}>
              <td>{FUND_LABELS[f]}</td>
              <td>
                <Field label={`${FUND_LABELS[f]} 年初结转和结余`} value={opening[f]} onChange={(v) => setOpening({ ...opening, [f]: v })} />
              </td>
              <td>
                <Field label={`${FUND_LABELS[f]} 年末结转和结余`} value={closing[f]} onChange={(v) => setClosing({ ...closing, [f]: v })} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </FinalSection>
  );
}

export function ThreePublicSection(p: FinalEditorProps) {
  const tp = p.pkg.threePublic;
  const [items, setItems] = useState(
    () =>
      Object.fromEntries(THREE_PUBLIC_ITEMS.map((k) => [k, { adjusted: s(tp?.[k]?.adjusted), actual: s(tp?.[k]?.actual) }])) as Record<
        (typeof THREE_PUBLIC_ITEMS)[number],
        { adjusted: string; actual: string }
      >,
  );
  const [quantities, setQuantities] = useState(
    () =>
      Object.fromEntries(Object.keys(QUANTITY_LABELS).map((k) => [k, s(tp?.quantities?.[k as keyof typeof QUANTITY_LABELS])])) as Record<
        keyof typeof QUANTITY_LABELS,
        string
      >,
  );
  return (
    <FinalSection
      id="threePublic"
      title="“三公”经费"
      {...p}
      values={() => ({ items, quantities })}
      hint={`金额单位：${p.pkg.amountUnit}；实物量为批次、人次、辆数。`}
    >
      <table className="data">
        <thead>
          <tr>
            <th>项目</th>
            <th className="num">年初预算数</th>
            <th>全年预算数</th>
            <th>决算数</th>
          </tr>
        </thead>
        <tbody>
          {THREE_PUBLIC_ITEMS.map((k) => (
            <tr key={k}>
              <td>{THREE_PUBLIC_LABELS[k]}</td>
              <td className="num">{s(tp?.[k]?.initial)}</td>
              <td>
                <Field
                  label={`${THREE_PUBLIC_LABELS[k]} 全年预算数`}
                  value={items[k].adjusted}
                  onChange={(v) => setItems({ ...items, [k]: { ...items[k], adjusted: v } })}
                />
              </td>
              <td>
                <Field
                  label={`${THREE_PUBLIC_LABELS[k]} 决算数`}
                  value={items[k].actual}
                  onChange={(v) => setItems({ ...items, [k]: { ...items[k], actual: v } })}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form-grid">
        {(Object.keys(QUANTITY_LABELS) as (keyof typeof QUANTITY_LABELS)[]).map((k) => (
          <label key={k}>
            {QUANTITY_LABELS[k]} <Field label={QUANTITY_LABELS[k]} value={quantities[k]} onChange={(v) => setQuantities({ ...quantities, [k]: v })} />
          </label>
        ))}
      </div>
    </FinalSection>
  );
}

export function MeetingsSection(p: FinalEditorProps) {
  const [v, setV] = useState({ meetings: s(p.pkg.meetings), training: s(p.pkg.training) });
  return (
    <FinalSection id="meetings" title="会议费和培训费" {...p} values={() => v} hint={`金额单位：${p.pkg.amountUnit}。`}>
      <label>
        会议费 <Field label="会议费" value={v.meetings} onChange={(x) => setV({ ...v, meetings: x })} />
      </label>{" "}
      <label>
        培训费 <Field label="培训费" value={v.training} onChange={(x) => setV({ ...v, training: x })} />
      </label>
    </FinalSection>
  );
}

export function AssetsSection(p: FinalEditorProps) {
  const a = p.pkg.assets;
  const [vehicles, setVehicles] = useState(
    () => Object.fromEntries(VEHICLE_TYPES.map((t) => [t, s(a?.vehicles?.[t])])) as Record<(typeof VEHICLE_TYPES)[number], string>,
  );
  const [equipment, setEquipment] = useState({ generalEquipmentOver50: s(a?.generalEquipmentOver50), specialEquipmentOver100: s(a?.specialEquipmentOver100) });
  return (
    <FinalSection
      id="assets"
      title="车辆和设备"
      {...p}
      values={() => ({ vehicles, ...equipment })}
      hint="年末车辆数（辆）与单位价值 50 万元以上通用设备、100 万元以上专用设备的台（套）数。"
    >
      <div className="form-grid">
        {VEHICLE_TYPES.map((t) => (
          <label key={t}>
            {VEHICLE_LABELS[t]} <Field label={VEHICLE_LABELS[t]} value={vehicles[t]} onChange={(x) => setVehicles({ ...vehicles, [t]: x })} />
          </label>
        ))}
        <label>
          50 万元以上通用设备{" "}
          <Field
            label="50万元以上通用设备"
            value={equipment.generalEquipmentOver50}
            onChange={(x) => setEquipment({ ...equipment, generalEquipmentOver50: x })}
          />
        </label>
        <label>
          100 万元以上专用设备{" "}
          <Field
            label="100万元以上专用设备"
            value={equipment.specialEquipmentOver100}
            onChange={(x) => setEquipment({ ...equipment, specialEquipmentOver100: x })}
          />
        </label>
      </div>
    </FinalSection>
  );
}

export function ProcurementSection(p: FinalEditorProps) {
  const pr = p.pkg.procurement;
  const [v, setV] = useState({ goods: s(pr?.goods), works: s(pr?.works), services: s(pr?.services), smallMedium: s(pr?.smallMedium), micro: s(pr?.micro) });
  const fields = [
    ["goods", "政府采购货物支出"],
    ["works", "政府采购工程支出"],
    ["services", "政府采购服务支出"],
    ["smallMedium", "授予中小企业合同金额"],
    ["micro", "其中授予小微企业合同金额"],
  ] as const;
  return (
    <FinalSection id="procurement" title="政府采购" {...p} values={() => v} hint={`金额单位：${p.pkg.amountUnit}。`}>
      <div className="form-grid">
        {fields.map(([k, label]) => (
          <label key={k}>
            {label} <Field label={label} value={v[k]} onChange={(x) => setV({ ...v, [k]: x })} />
          </label>
        ))}
      </div>
    </FinalSection>
  );
}

export function ReasonsSection(p: FinalEditorProps) {
  const r = p.pkg.reasons;
  const [v, setV] = useState(() => ({
    ...(Object.fromEntries(REASON_KEYS.map((k) => [k, s(r?.[k])])) as Record<(typeof REASON_KEYS)[number], string>),
    generalBudgetExpenditureInitial: s(r?.generalBudgetExpenditure?.initial),
    threePublicInitial: s(r?.threePublic?.total?.initial),
  }));
  const all: [keyof typeof v, string][] = [
    ...REASON_KEYS.map((k) => [k, REASON_LABELS[k]] as [keyof typeof v, string]),
    ["generalBudgetExpenditureInitial", "一般公共预算财政拨款支出与年初预算数差异原因"],
    ["threePublicInitial", "“三公”经费与年初预算数差异原因"],
  ];
  return (
    <FinalSection id="reasons" title="变动原因" {...p} values={() => v} hint="情况说明中每个数字都来自数据，这里只填原因和用途。">
      {all.map(([k, label]) => (
        <label key={k} style={{ display: "block", marginBottom: "0.5rem" }}>
          {label}
          <textarea aria-label={label} value={v[k]} rows={2} style={{ width: "100%" }} onChange={(e) => setV({ ...v, [k]: e.target.value })} />
        </label>
      ))}
    </FinalSection>
  );
}

export function SelfEvaluationSection(p: FinalEditorProps) {
  const evaluated = (p.pkg.projects ?? []).filter((x) => x.selfEvaluation);
  const [projects, setProjects] = useState(() =>
    evaluated.map((x) => ({
      outcome: s(x.selfEvaluation!.outcome),
      indicators: (x.selfEvaluation!.indicators ?? []).map((i) => ({ actual: i.actual, ratio: s(i.ratio), reason: s(i.reason) })),
    })),
  );
  const setIndicator = (pi: number, k: number, patch: Partial<{ actual: string; ratio: string; reason: string }>) =>
    setProjects(projects.map((pv, i) => (i === pi ? { ...pv, indicators: update(pv.indicators, k, patch) } : pv)));
  return (
    <FinalSection
      id="selfEvaluation"
      title="项目支出绩效自评"
      {...p}
      values={() => ({ projects })}
      hint="指标来自预算的绩效目标。数值指标的完成比例和得分由系统按全年完成值计算；定性指标请填完成比例（%）。自评总分为各指标得分之和。"
    >
      {evaluated.length === 0 ? <p className="muted">没有需要自评的项目。</p> : null}
      {evaluated.map((x, pi) => (
        <div key={x.code} data-testid="self-evaluation">
          <h3>
            {x.name}　自评总分：<span data-testid="self-evaluation-score">{p.scores[pi]?.score ?? "0"}</span>
          </h3>
          <table className="data">
            <thead>
              <tr>
                <th>指标</th>
                <th>指标值</th>
                <th>权重</th>
                <th>全年完成值</th>
                <th>完成比例（%）</th>
                <th>得分</th>
                <th>未完成原因</th>
              </tr>
            </thead>
            <tbody>
              {(x.selfEvaluation!.indicators ?? []).map((i, k) => (
                <tr key={k}>
                  <td>{i.name}</td>
                  <td>
                    {i.operator === "定性" ? "" : i.operator} {i.value}
                    {i.unit ?? ""}
                  </td>
                  <td className="num">{s(i.weight)}</td>
                  <td>
                    <Field
                      label={`${x.name} ${i.name} 全年完成值`}
                      value={projects[pi]!.indicators[k]!.actual}
                      onChange={(v) => setIndicator(pi, k, { actual: v })}
                    />
                  </td>
                  <td>
                    {i.operator === "定性" ? (
                      <Field
                        label={`${x.name} ${i.name} 完成比例`}
                        value={projects[pi]!.indicators[k]!.ratio}
                        onChange={(v) => setIndicator(pi, k, { ratio: v })}
                      />
                    ) : (
                      <span className="num">{p.scores[pi]?.indicators[k]?.ratio ?? ""}</span>
                    )}
                  </td>
                  <td className="num">{p.scores[pi]?.indicators[k]?.score ?? ""}</td>
                  <td>
                    <Field
                      label={`${x.name} ${i.name} 未完成原因`}
                      wide
                      value={projects[pi]!.indicators[k]!.reason}
                      onChange={(v) => setIndicator(pi, k, { reason: v })}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <label style={{ display: "block" }}>
            年度目标实际完成情况
            <textarea
              aria-label={`${x.name} 实际完成情况`}
              rows={2}
              style={{ width: "100%" }}
              value={projects[pi]!.outcome}
              onChange={(e) => setProjects(projects.map((pv, i) => (i === pi ? { ...pv, outcome: e.target.value } : pv)))}
            />
          </label>
        </div>
      ))}
    </FinalSection>
  );
}
