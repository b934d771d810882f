"use client";
import { RemoveRowButton } from "@/components/forms/RowButtons";
import Decimal from "decimal.js";
import { useFieldArray, useWatch, type FieldValues, type UseFormReturn } from "react-hook-form";
import { CheckboxField, SelectField, TextField } from "@/components/forms/fields";
import { INDICATOR_LEVELS } from "@/lib/workspace/indicator-levels";
import { formatOperator } from "@/lib/format";
import { OPERATORS } from "@/lib/budget/model";
import type { SectionId } from "@/lib/workspace/sections";

// Many published tables list 三级指标 only, so both levels may be left empty (a warning, not an error).
const LEVEL1_OPTIONS = [{ value: "", label: "（不填）" }, ...Object.keys(INDICATOR_LEVELS).map((v) => ({ value: v, label: v }))];
const OPERATOR_OPTIONS = OPERATORS.map((o) => ({ value: o, label: formatOperator(o) }));

/** Sum of typed weights, ignoring what is not (yet) a number. */
function weightTotal(rows: { weight?: string }[], extra?: string): string {
  let total = new Decimal(0);
  for (const w of [...rows.map((r) => r.weight), extra]) if (w && /^\d+(\.\d+)?$/.test(w)) total = total.plus(w);
  return total.toString();
}

/** 绩效指标 editor: 一级/二级/三级, unit, operator, value, weight and core flag, one row each. */
export function IndicatorsEditor({
  form,
  section,
  name,
  executionRateWeight,
}: {
  form: UseFormReturn<FieldValues>;
  section: SectionId;
  name: string;
  executionRateWeight?: string;
}) {
  const { fields, append, remove } = useFieldArray({ control: form.control, name });
  const rows = (useWatch({ control: form.control, name }) ?? []) as { level1?: string; weight?: string }[];
  const total = weightTotal(rows, executionRateWeight);
  return (
    <>
      <div className="table-scroll">
        <table className="data indicators" data-testid={`indicators-${name}`}>
          {/* Widths for what each column holds: 三级指标 names run to ten characters and more. */}
          <colgroup>
            <col style={{ width: "8.5em" }} />
            <col style={{ width: "10em" }} />
            <col style={{ minWidth: "14em" }} />
            <col style={{ width: "5.5em" }} />
            <col style={{ width: "6.5em" }} />
            <col style={{ width: "8em" }} />
            <col style={{ width: "4.5em" }} />
            <col style={{ width: "3em" }} />
            <col style={{ width: "3.5em" }} />
          </colgroup>
          <thead>
            <tr>
              <th>一级指标</th>
              <th>二级指标</th>
              <th>三级指标</th>
              <th>计量单位</th>
              <th>指标性质</th>
              <th>指标值</th>
              <th>权重</th>
              <th>核心</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {fields.map((f, i) => {
              const level1 = rows[i]?.level1 ?? "";
              const listId = `level2-${name}-${i}`;
              return (
                <tr key={f.id}>
                  <td>
                    <SelectField
                      form={form}
                      section={section}
                      name={`${name}.${i}.level1`}
                      label="一级指标"
                      bare
                      // An imported value outside the standard framework stays selectable, not silently replaced.
                      options={level1 && !INDICATOR_LEVELS[level1] ? [...LEVEL1_OPTIONS, { value: level1, label: level1 }] : LEVEL1_OPTIONS}
                    />
                  </td>
                  <td>
                    <TextField form={form} section={section} name={`${name}.${i}.level2`} label="二级指标" bare list={listId} />
                    <datalist id={listId}>
                      {(INDICATOR_LEVELS[level1] ?? []).map((l) => (
                        <option key={l} value={l} />
                      ))}
                    </datalist>
                  </td>
                  <td>
                    <TextField form={form} section={section} name={`${name}.${i}.name`} label="三级指标" bare />
                  </td>
                  <td>
                    <TextField form={form} section={section} name={`${name}.${i}.unit`} label="计量单位" bare />
                  </td>
                  <td>
                    <SelectField form={form} section={section} name={`${name}.${i}.operator`} label="指标性质" bare options={OPERATOR_OPTIONS} />
                  </td>
                  <td>
                    <TextField form={form} section={section} name={`${name}.${i}.value`} label="指标值" bare />
                  </td>
                  <td>
                    <TextField form={form} section={section} name={`${name}.${i}.weight`} label="权重" bare />
                  </td>
                  <td>
                    <CheckboxField form={form} section={section} name={`${name}.${i}.core`} label="" />
                  </td>
                  <td>
                    <RemoveRowButton onRemove={() => remove(i)} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="row-actions">
        <button
          type="button"
          className="secondary"
          onClick={() => append({ level1: "产出指标", level2: "数量指标", name: "", unit: "", operator: ">=", value: "", weight: "", core: false })}
        >
          添加指标
        </button>
        <span className={total === "100" ? "muted" : "field-error"} data-testid={`weights-${name}`}>
          权重合计 {total}
          {executionRateWeight !== undefined ? "（含预算执行率权重）" : ""}
          {total === "100" ? "" : "，应为 100"}
        </span>
      </div>
    </>
  );
}
