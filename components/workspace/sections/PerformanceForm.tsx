"use client";
import { TextField } from "@/components/forms/fields";
import { useSectionForm } from "../useSectionForm";
import { Figures, SectionFrame } from "../SectionFrame";
import { wan } from "../labels";
import { IndicatorsEditor } from "./IndicatorsEditor";

export function PerformanceForm() {
  const { form, live, frame } = useSectionForm("performance");
  return (
    <SectionFrame
      title="部门（单位）整体支出绩效目标"
      {...frame}
      totals={<Figures items={[{ label: "部门支出预算总额", value: wan(live.evaluation?.tables.T10?.budgetTotal) }]} />}
    >
      <TextField form={form} section="performance" name="performance.goal" label="当年整体绩效目标" multiline />
      <h3>绩效指标</h3>
      <IndicatorsEditor form={form} section="performance" name="performance.indicators" />
    </SectionFrame>
  );
}
