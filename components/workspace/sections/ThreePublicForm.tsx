"use client";
import { MoneyField } from "@/components/forms/fields";
import { useSectionForm } from "../useSectionForm";
import { Figures, SectionFrame } from "../SectionFrame";
import { label, wan } from "../labels";

const ITEMS = ["abroad", "vehiclePurchase", "vehicleOperation", "reception"] as const;

export function ThreePublicForm() {
  const { form, live, frame } = useSectionForm("three-public");
  const t4 = live.evaluation?.tables.T4;
  return (
    <SectionFrame
      title="“三公”经费"
      hint="一般公共预算财政拨款安排的“三公”经费，含基本支出和项目支出中的部分。金额单位：元。"
      {...frame}
      totals={
        <Figures
          items={[
            { label: "本年合计", value: wan(t4?.current.total), testId: "three-public-total" },
            ...(t4?.prior ? [{ label: "上年合计", value: wan(t4.prior.total) }] : []),
          ]}
        />
      }
    >
      <div className="grid-form">
        {ITEMS.map((k) => (
          <MoneyField key={k} form={form} section="three-public" name={`threePublic.${k}`} label={`${label(`threePublic.${k}`)}（元）`} />
        ))}
      </div>
    </SectionFrame>
  );
}
