"use client";
import { RemoveRowButton, AddRowBar } from "@/components/forms/RowButtons";
import { useState } from "react";
import { useFieldArray } from "react-hook-form";
import { MoneyField, TextField } from "@/components/forms/fields";
import { useSectionForm } from "../useSectionForm";
import { SectionFrame } from "../SectionFrame";
import { SubjectOptions } from "../SubjectOptions";
import { useEditor } from "../EditorContext";
import { PriorYearWorkbookUpload } from "./PriorYearWorkbookUpload";

const THREE_PUBLIC = [
  ["abroad", "因公出国（境）费"],
  ["vehiclePurchase", "公务用车购置费"],
  ["vehicleOperation", "公务用车运行维护费"],
  ["reception", "公务接待费"],
] as const;

/** 上年预算数, for a budget whose previous year is not in 明账: by hand or from last year's published workbook. */
export function PriorYearForm() {
  const editor = useEditor();
  const [filled, setFilled] = useState<number | null>(null);
  // The form keeps what it was opened with; once the fill from a workbook has reached this tab,
  // it is opened again on the new figures.
  const key = filled !== null && editor.version >= filled ? `filled-${filled}` : "opened";
  return (
    <>
      <PriorYearWorkbookUpload onApplied={setFilled} />
      <PriorYearFields key={key} />
    </>
  );
}

function PriorYearFields() {
  const { form, editor, frame } = useSectionForm("prior");
  const rows = useFieldArray({ control: form.control, name: "priorYear.expenditureByFunction" });
  return (
    <SectionFrame
      title="上年预算数"
      hint="上年已在明账中审核通过的预算会自动作为上年数；只有没有上年预算时才需要在此填写（全部留空表示没有上年数据）。金额单位：元。"
      {...frame}
    >
      <SubjectOptions catalog={editor.catalog} />
      <div className="grid-form">
        <MoneyField form={form} section="prior" name="priorYear.basic" label="上年基本支出（元）" />
        <MoneyField form={form} section="prior" name="priorYear.project" label="上年项目支出（元）" />
        <MoneyField form={form} section="prior" name="priorYear.operatingFunds" label="上年机关运行经费（元）" />
      </div>
      <h3>上年“三公”经费</h3>
      <div className="grid-form">
        {THREE_PUBLIC.map(([k, l]) => (
          <MoneyField key={k} form={form} section="prior" name={`priorYear.threePublic.${k}`} label={`${l}（元）`} />
        ))}
      </div>
      <h3>上年一般公共预算支出（按功能分类“项”）</h3>
      <table className="data">
        <thead>
          <tr>
            <th>功能分类科目（项）</th>
            <th className="num">金额（元）</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.fields.map((f, i) => (
            <tr key={f.id}>
              <td>
                <TextField form={form} section="prior" name={`priorYear.expenditureByFunction.${i}.code`} label="功能分类科目" bare list="function-subjects" />
              </td>
              <td>
                <MoneyField form={form} section="prior" name={`priorYear.expenditureByFunction.${i}.amount`} label="金额" bare />
              </td>
              <td>
                <RemoveRowButton onRemove={() => rows.remove(i)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <AddRowBar label="添加一行" onAdd={() => rows.append({ code: "", amount: "" })} />
    </SectionFrame>
  );
}
