"use client";
import Decimal from "decimal.js";
import { TextField } from "@/components/forms/fields";
import { changePhrase } from "@/lib/budget/narrative/phrases";
import { useSectionForm } from "../useSectionForm";
import { SectionFrame } from "../SectionFrame";

const REASONS: { name: string; label: string; figure?: string; what: string }[] = [
  { name: "narrative.incomeChange", label: "收入增减原因", figure: "incomeChange", what: "收入" },
  { name: "narrative.expenditureChange", label: "支出增减原因（不填则按基本支出、项目支出的增减自动说明）", figure: "expenditureChange", what: "支出" },
  { name: "narrative.basicChange", label: "基本支出增减原因", figure: "basicChange", what: "基本支出" },
  { name: "narrative.basicUsage", label: "基本支出主要用途", what: "" },
  { name: "narrative.projectChange", label: "项目支出增减原因", figure: "projectChange", what: "项目支出" },
  { name: "narrative.projectUsage", label: "项目支出主要用途", what: "" },
  { name: "narrative.threePublic.abroad", label: "因公出国（境）费增减原因", figure: "abroadChange", what: "因公出国（境）费" },
  { name: "narrative.threePublic.vehiclePurchase", label: "公务用车购置费增减原因", figure: "vehiclePurchaseChange", what: "公务用车购置费" },
  { name: "narrative.threePublic.vehicleOperation", label: "公务用车运行维护费增减原因", figure: "vehicleOperationChange", what: "公务用车运行维护费" },
  { name: "narrative.threePublic.reception", label: "公务接待费增减原因", figure: "receptionChange", what: "公务接待费" },
  { name: "narrative.operatingFundsChange", label: "机关运行经费增减原因", figure: "operatingFundsChange", what: "机关运行经费" },
  { name: "narrative.operatingFundsUsage", label: "机关运行经费主要用途", what: "" },
];

/** 情况说明: the reasons behind each year-on-year change, each shown beside the change it explains. */
export function NarrativeForm() {
  const { form, live, editor, frame } = useSectionForm("narrative");
  const figures = live.evaluation?.figures ?? {};
  const priorYear = (editor.saved.year ?? 0) - 1;
  return (
    <SectionFrame title="情况说明" hint="说明中的每个数字都由预算数据自动计算，这里只需填写原因和用途；有增减而未说明原因的，检查结果会提示。" {...frame}>
      {REASONS.map((r) => {
        const change = r.figure ? figures[r.figure] : undefined;
        const phrase = typeof change === "string" ? `${r.what}${changePhrase(new Decimal(change), priorYear)}` : r.figure ? "没有上年数据，无需说明增减" : "";
        return (
          <div key={r.name} style={{ marginBottom: "0.75rem" }}>
            <TextField form={form} section="narrative" name={r.name} label={r.label} multiline />
            {phrase ? (
              <small className="muted" data-testid={`change-${r.figure}`}>
                {phrase}
              </small>
            ) : null}
          </div>
        );
      })}
      <div style={{ marginBottom: "0.75rem" }}>
        <TextField
          form={form}
          section="narrative"
          name="narrative.glossary"
          label="专业性名词解释（每行一段；默认为标准文本，可按本部门公开的文本修改）"
          multiline
        />
      </div>
    </SectionFrame>
  );
}
