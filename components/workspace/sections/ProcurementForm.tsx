"use client";
import { RemoveRowButton, AddRowBar } from "@/components/forms/RowButtons";
import { useFieldArray } from "react-hook-form";
import { MoneyField, SelectField } from "@/components/forms/fields";
import { useSectionForm } from "../useSectionForm";
import { Figures, SectionFrame } from "../SectionFrame";
import { FUND_OPTIONS, PROCUREMENT_OPTIONS, wan } from "../labels";

export function ProcurementForm() {
  const { form, live, frame } = useSectionForm("procurement");
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "procurement" });
  const t9 = live.evaluation?.tables.T9;
  return (
    <SectionFrame
      title="政府采购预算"
      hint="按采购类别和资金来源填写；没有政府采购预算时不填任何行，公开表注明“本部门无政府采购预算”。金额单位：元。"
      {...frame}
      totals={<Figures items={[{ label: "政府采购预算合计", value: wan(t9?.total.total), testId: "procurement-total" }]} />}
    >
      <table className="data">
        <thead>
          <tr>
            <th>采购类别</th>
            <th>资金来源</th>
            <th className="num">金额（元）</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {fields.map((f, i) => (
            <tr key={f.id}>
              <td>
                <SelectField form={form} section="procurement" name={`procurement.${i}.category`} label="采购类别" bare options={PROCUREMENT_OPTIONS} />
              </td>
              <td>
                <SelectField form={form} section="procurement" name={`procurement.${i}.fund`} label="资金来源" bare options={FUND_OPTIONS} />
              </td>
              <td>
                <MoneyField form={form} section="procurement" name={`procurement.${i}.amount`} label="金额" bare />
              </td>
              <td>
                <RemoveRowButton onRemove={() => remove(i)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <AddRowBar label="添加一行" onAdd={() => append({ category: "goods", fund: "generalBudget", amount: "" })} />
    </SectionFrame>
  );
}
