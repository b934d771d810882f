"use client";
import { AddRowBar } from "@/components/forms/RowButtons";
import { useMemo } from "react";
import { useFieldArray, useWatch } from "react-hook-form";
import { tableFeatures, useTable, FlexRender, type ColumnDef } from "@tanstack/react-table";
import { MoneyField, SelectField, TextField } from "@/components/forms/fields";
import { useSectionForm } from "../useSectionForm";
import { Figures, SectionFrame } from "../SectionFrame";
import { FUND_OPTIONS, wan, yuanAsWan } from "../labels";
import { SubjectOptions, subjectName } from "../SubjectOptions";
import { FunctionPreview } from "./FunctionPreview";

type Line = { function: string; economic: string; amount?: string; fund?: string };
type Row = { index: number; id: string };

const features = tableFeatures({});

/**
 * 基本支出: an editable grid, one row per 功能分类 项 × 经济分类 款 × fund. The table gives the
 * structure (TanStack Table); every cell is a react-hook-form field validated by the package
 * schema, and T2/T3 figures update as you type.
 */
export function BasicGrid() {
  const { form, live, editor, frame } = useSectionForm("basic");
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "basicExpenditure" });
  const lines = (useWatch({ control: form.control, name: "basicExpenditure" }) ?? []) as Line[];
  const catalog = editor.catalog;

  const data = useMemo<Row[]>(() => fields.map((f, index) => ({ index, id: f.id })), [fields]);
  const columns = useMemo<ColumnDef<typeof features, Row>[]>(
    () => [
      {
        id: "function",
        header: "功能分类科目（项）",
        cell: ({ row }) => (
          <>
            <TextField form={form} section="basic" name={`basicExpenditure.${row.original.index}.function`} label="功能分类科目" bare list="function-subjects" />
            <small className="muted">{subjectName(catalog, "function", lines[row.original.index]?.function)}</small>
          </>
        ),
      },
      {
        id: "economic",
        header: "经济分类科目（款）",
        cell: ({ row }) => (
          <>
            <TextField form={form} section="basic" name={`basicExpenditure.${row.original.index}.economic`} label="经济分类科目" bare list="economic-subjects" />
            <small className="muted">{subjectName(catalog, "economic", lines[row.original.index]?.economic)}</small>
          </>
        ),
      },
      {
        id: "kind",
        header: "人员/公用",
        cell: ({ row }) => {
          const subject = catalog.economics.get(lines[row.original.index]?.economic ?? "");
          return subject ? (subject.category === "personnel" ? "人员经费" : "公用经费") : "";
        },
      },
      {
        id: "fund",
        header: "资金来源",
        cell: ({ row }) => <SelectField form={form} section="basic" name={`basicExpenditure.${row.original.index}.fund`} label="资金来源" bare options={FUND_OPTIONS} />,
      },
      {
        id: "amount",
        header: "金额（元）",
        cell: ({ row }) => (
          <>
            <MoneyField form={form} section="basic" name={`basicExpenditure.${row.original.index}.amount`} label="金额" bare />
            <small className="muted">{yuanAsWan(lines[row.original.index]?.amount)}</small>
          </>
        ),
      },
      {
        id: "actions",
        header: "",
        cell: ({ row }) => (
          <button type="button" className="link" onClick={() => remove(row.original.index)} aria-label={`删除第 ${row.original.index + 1} 行`}>
            删除
          </button>
        ),
      },
    ],
    [form, catalog, lines, remove],
  );
  const table = useTable({ features, columns, data, getRowId: (r) => r.id });

  const tables = live.evaluation?.tables;
  return (
    <SectionFrame
      title="基本支出"
      hint="每行一个功能分类“项”、经济分类“款”和资金来源的组合，金额单位：元。人员经费和公用经费由经济分类自动区分。"
      {...frame}
      totals={
        <Figures
          items={[
            { label: "基本支出合计", value: wan(tables?.T8?.total.basic), testId: "basic-total" },
            { label: "一般公共预算人员经费", value: wan(tables?.T3?.total.personnel), testId: "basic-personnel" },
            { label: "一般公共预算公用经费", value: wan(tables?.T3?.total.public), testId: "basic-public" },
          ]}
        />
      }
    >
      <SubjectOptions catalog={catalog} />
      <table className="data" data-testid="basic-grid">
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th key={header.id} className={header.column.id === "amount" ? "num" : undefined}>
                  <FlexRender header={header} />
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id}>
              {row.getAllCells().map((cell) => (
                <td key={cell.id}>
                  <FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <AddRowBar label="添加一行" onAdd={() => append({ function: "", economic: "", amount: "", fund: "generalBudget" })} />
      {tables?.T2 ? <FunctionPreview t2={tables.T2} /> : null}
    </SectionFrame>
  );
}
