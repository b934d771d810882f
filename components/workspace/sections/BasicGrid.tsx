"use client";
import { AddRowBar } from "@/components/forms/RowButtons";
import { createContext, useContext, useMemo } from "react";
import { useFieldArray, useWatch, type FieldValues, type UseFormReturn } from "react-hook-form";
import { tableFeatures, useTable, FlexRender, type ColumnDef } from "@tanstack/react-table";
import { MoneyField, SelectField, TextField } from "@/components/forms/fields";
import type { Catalog } from "@/lib/catalog/catalog";
import { useSectionForm } from "../useSectionForm";
import { Figures, SectionFrame } from "../SectionFrame";
import { FUND_OPTIONS, wan, yuanAsWan } from "../labels";
import { SubjectOptions, subjectName } from "../SubjectOptions";
import { FunctionPreview } from "./FunctionPreview";

type Row = { index: number; id: string };

const features = tableFeatures({});

/**
 * What every cell needs, given through context rather than captured by the column definitions:
 * the columns are then defined once for the module, so their cell components keep their
 * identity across renders and React never remounts (and unfocuses) an input being typed into.
 */
interface GridContextValue {
  form: UseFormReturn<FieldValues>;
  catalog: Catalog;
  remove(index: number): void;
}
const GridContext = createContext<GridContextValue | null>(null);
function useGrid(): GridContextValue {
  const value = useContext(GridContext);
  if (!value) throw new Error("grid cell outside BasicGrid");
  return value;
}

/** One field of one line, watched alone so a keystroke re-renders only the cells that show it. */
function useLineValue(index: number, key: "function" | "economic" | "amount"): string | undefined {
  const { form } = useGrid();
  return useWatch({ control: form.control, name: `basicExpenditure.${index}.${key}` }) as string | undefined;
}

function SubjectCell({ row, kind }: { row: Row; kind: "function" | "economic" }) {
  const { form, catalog } = useGrid();
  const code = useLineValue(row.index, kind);
  const label = kind === "function" ? "功能分类科目" : "经济分类科目";
  return (
    <>
      <TextField form={form} section="basic" name={`basicExpenditure.${row.index}.${kind}`} label={label} bare list={`${kind}-subjects`} />
      <small className="muted">{subjectName(catalog, kind, code)}</small>
    </>
  );
}

function FunctionCell({ row }: { row: { original: Row } }) {
  return <SubjectCell row={row.original} kind="function" />;
}

function EconomicCell({ row }: { row: { original: Row } }) {
  return <SubjectCell row={row.original} kind="economic" />;
}

function KindCell({ row }: { row: { original: Row } }) {
  const { catalog } = useGrid();
  const subject = catalog.economics.get(useLineValue(row.original.index, "economic") ?? "");
  return subject ? (subject.category === "personnel" ? "人员经费" : "公用经费") : "";
}

function FundCell({ row }: { row: { original: Row } }) {
  const { form } = useGrid();
  return <SelectField form={form} section="basic" name={`basicExpenditure.${row.original.index}.fund`} label="资金来源" bare options={FUND_OPTIONS} />;
}

function AmountCell({ row }: { row: { original: Row } }) {
  const { form } = useGrid();
  const amount = useLineValue(row.original.index, "amount");
  return (
    <>
      <MoneyField form={form} section="basic" name={`basicExpenditure.${row.original.index}.amount`} label="金额" bare />
      <small className="muted">{yuanAsWan(amount)}</small>
    </>
  );
}

function ActionsCell({ row }: { row: { original: Row } }) {
  const { remove } = useGrid();
  const index = row.original.index;
  return (
    <button type="button" className="link" onClick={() => remove(index)} aria-label={`删除第 ${index + 1} 行`}>
      删除
    </button>
  );
}

const columns: ColumnDef<typeof features, Row>[] = [
  { id: "function", header: "功能分类科目（项）", cell: FunctionCell },
  { id: "economic", header: "经济分类科目（款）", cell: EconomicCell },
  { id: "kind", header: "人员/公用", cell: KindCell },
  { id: "fund", header: "资金来源", cell: FundCell },
  { id: "amount", header: "金额（元）", cell: AmountCell },
  { id: "actions", header: "", cell: ActionsCell },
];

/**
 * 基本支出: an editable grid, one row per 功能分类 项 × 经济分类 款 × fund. The table gives the
 * structure (TanStack Table); every cell is a react-hook-form field validated by the package
 * schema, and T2/T3 figures update as you type.
 */
export function BasicGrid() {
  const { form, live, editor, frame } = useSectionForm("basic");
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "basicExpenditure" });
  const catalog = editor.catalog;

  // Rows are keyed by react-hook-form's stable field ids; typing changes values, not `fields`.
  const data = useMemo<Row[]>(() => fields.map((f, index) => ({ index, id: f.id })), [fields]);
  const table = useTable({ features, columns, data, getRowId: (r) => r.id });
  const grid = useMemo(() => ({ form, catalog, remove }), [form, catalog, remove]);

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
      <GridContext.Provider value={grid}>
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
              <tr key={row.id} data-row={row.index}>
                {row.getAllCells().map((cell) => (
                  <td key={cell.id}>
                    <FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </GridContext.Provider>
      <AddRowBar label="添加一行" onAdd={() => append({ function: "", economic: "", amount: "", fund: "generalBudget" })} />
      {tables?.T2 ? <FunctionPreview t2={tables.T2} /> : null}
    </SectionFrame>
  );
}
