"use client";
import { CountField, TextField } from "@/components/forms/fields";
import { useSectionForm } from "../useSectionForm";
import { SectionFrame } from "../SectionFrame";

const KINDS = [
  ["general", "一般公务用车"],
  ["lawEnforcement", "执勤执法用车"],
  ["other", "其他用车"],
] as const;

export function AssetsForm() {
  const { form, frame } = useSectionForm("assets");
  return (
    <SectionFrame title="国有资产占有使用情况" hint="车辆按辆填写。" {...frame}>
      <div className="grid-form">
        <TextField form={form} section="assets" name="assets.asOf" label="截至年月（如 2023-12）" />
      </div>
      <h3>现有车辆</h3>
      <div className="grid-form">
        {KINDS.map(([k, l]) => (
          <CountField key={k} form={form} section="assets" name={`assets.vehicles.${k}`} label={`${l}（辆）`} />
        ))}
      </div>
      <h3>当年安排购置车辆</h3>
      <div className="grid-form">
        {KINDS.map(([k, l]) => (
          <CountField key={k} form={form} section="assets" name={`assets.plannedPurchase.${k}`} label={`${l}（辆）`} />
        ))}
      </div>
    </SectionFrame>
  );
}
