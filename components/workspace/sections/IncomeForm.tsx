"use client";
import { FUNDS } from "@/lib/budget/model";
import { CARRYOVER_FUNDS } from "@/lib/budget/package/schema";
import { FUND_LABELS } from "@/lib/budget/package/labels";
import { MoneyField } from "@/components/forms/fields";
import { useSectionForm } from "../useSectionForm";
import { Figures, SectionFrame } from "../SectionFrame";
import { wan } from "../labels";

export function IncomeForm() {
  const { form, live, frame } = useSectionForm("income");
  const t6 = live.evaluation?.tables.T6;
  const t1 = live.evaluation?.tables.T1;
  return (
    <SectionFrame
      title="收入预算"
      hint="按收入来源填写本年收入和上年结转，金额单位：元（最多两位小数）。"
      {...frame}
      totals={
        <Figures
          items={[
            { label: "收入合计", value: wan(t6?.income.total), testId: "income-total" },
            { label: "财政拨款收入", value: wan(t1?.income.current.total) },
            { label: "上年结转", value: wan(t6?.income.carryover) },
          ]}
        />
      }
    >
      <h3>本年收入</h3>
      <div className="grid-form">
        {FUNDS.map((f) => (
          <MoneyField key={f} form={form} section="income" name={f} label={`${FUND_LABELS[f]}（元）`} />
        ))}
      </div>
      <h3>上年结转</h3>
      <div className="grid-form">
        {CARRYOVER_FUNDS.map((f) => (
          <MoneyField key={f} form={form} section="income" name={`carryover.${f}`} label={`${FUND_LABELS[f]}（元）`} />
        ))}
      </div>
    </SectionFrame>
  );
}
