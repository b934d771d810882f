"use client";
import { RemoveRowButton, AddRowBar } from "@/components/forms/RowButtons";
import { useFieldArray } from "react-hook-form";
import { TextField } from "@/components/forms/fields";
import { useSectionForm } from "../useSectionForm";
import { SectionFrame } from "../SectionFrame";

export function UnitForm() {
  const { form, frame } = useSectionForm("unit");
  const functions = useFieldArray({ control: form.control, name: "functions" });
  const subUnits = useFieldArray({ control: form.control, name: "subUnits" });
  return (
    <SectionFrame title="单位基本情况" {...frame}>
      <h3>职能职责</h3>
      <ol>
        {functions.fields.map((f, i) => (
          <li key={f.id}>
            <TextField form={form} section="unit" name={`functions.${i}.text`} label={`职能职责第 ${i + 1} 条`} bare multiline />
            <button type="button" className="link" onClick={() => functions.remove(i)}>
              删除此条
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className="secondary" onClick={() => functions.append({ text: "" })}>
        添加一条职能职责
      </button>
      <h3>单位构成</h3>
      <TextField form={form} section="unit" name="structure" label="单位构成（机构设置、编制和人员情况）" multiline />
      <h3>所属单位</h3>
      <table className="data">
        <thead>
          <tr>
            <th>单位编码</th>
            <th>单位名称</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {subUnits.fields.map((f, i) => (
            <tr key={f.id}>
              <td>
                <TextField form={form} section="unit" name={`subUnits.${i}.code`} label="单位编码" bare />
              </td>
              <td>
                <TextField form={form} section="unit" name={`subUnits.${i}.name`} label="单位名称" bare />
              </td>
              <td>
                <RemoveRowButton onRemove={() => subUnits.remove(i)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <AddRowBar label="添加所属单位" onAdd={() => subUnits.append({ code: "", name: "" })} />
      <h3>其他</h3>
      <div className="grid-form">
        <TextField form={form} section="unit" name="performanceOffice" label="归口管理科室" />
        <TextField form={form} section="unit" name="contact.name" label="预算公开联系人" />
        <TextField form={form} section="unit" name="contact.phone" label="联系电话" />
      </div>
    </SectionFrame>
  );
}
