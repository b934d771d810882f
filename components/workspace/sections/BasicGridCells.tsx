"use client";
import Decimal from "decimal.js";
import { createContext, useContext, useState } from "react";
import { useWatch, type FieldValues, type UseFormReturn } from "react-hook-form";
import type { Catalog } from "@/lib/catalog/catalog";
import { readAmount, type AmountUnit, type GridColumn } from "@/lib/workspace/grid-paste";
import { MoneyInput, normalizeMoneyInput } from "@/components/forms/MoneyInput";
import { FieldError } from "@/components/forms/FieldError";
import { FUND_OPTIONS, yuanAsWan } from "../labels";
import { subjectName } from "../SubjectOptions";

export type Row = { index: number; id: string };

export interface GridContextValue {
  form: UseFormReturn<FieldValues>;
  catalog: Catalog;
  unit: AmountUnit;
  actions: {
    insertBelow(row: number): void;
    duplicate(row: number): void;
    remove(row: number): void;
    merge(rows: number[]): void;
  };
}

/**
 * What every cell needs, given by context rather than captured by the column definitions (which
 * are then defined once, so the cell components keep their identity and inputs are never
 * remounted mid-typing).
 */
export const GridContext = createContext<GridContextValue | null>(null);

/** Cells a paste could not read ("row:column" → why). */
export const PasteMarks = createContext<ReadonlyMap<string, string>>(new Map());

function useGrid(): GridContextValue {
  const value = useContext(GridContext);
  if (!value) throw new Error("grid cell outside BasicGrid");
  return value;
}

type CellProps = { row: { original: Row } };

const nameOf = (index: number, column: GridColumn | "kind") => `basicExpenditure.${index}.${column}`;
const idOf = (index: number, column: GridColumn) => `basicExpenditure[${index}].${column}`;

/** The errors of one line by column, given by its row (which re-renders only when they change). */
export type LineErrors = Partial<Record<GridColumn, string>>;
export const RowErrors = createContext<LineErrors>({});

/**
 * One field of one line. The cell watches its own value only (useWatch by name) and gets its
 * error from its row, so a keystroke re-renders that cell rather than every cell of the grid:
 * a useController per cell would re-render all of them on each validation of the form.
 */
function useCell(index: number, column: GridColumn) {
  const { form } = useGrid();
  const name = nameOf(index, column);
  const value = useWatch({ control: form.control, name }) as unknown;
  const error = useContext(RowErrors)[column];
  const mark = useContext(PasteMarks).get(`${index}:${column}`);
  // A mark from a paste goes once the cell is edited (after that paste: a new paste marks again).
  const [editedAfter, setEditedAfter] = useState<typeof mark | null>(null);
  const edited = editedAfter === mark;
  const id = idOf(index, column);
  const problem = edited ? undefined : mark;
  const field = {
    name,
    value,
    onChange: (next: string) => form.setValue(name, next, { shouldDirty: true, shouldValidate: true }),
    onBlur: () => undefined,
    ref: undefined,
  };
  return {
    field,
    id,
    error,
    problem,
    onEdited: () => setEditedAfter(mark),
    inputProps: {
      id,
      name,
      "aria-invalid": error || problem ? true : undefined,
      "aria-describedby": error ? `${id}-error` : undefined,
      title: problem,
      className: problem ? "paste-problem" : undefined,
    },
  };
}

function SubjectCell({ index, kind }: { index: number; kind: "function" | "economic" }) {
  const { catalog } = useGrid();
  const { field, inputProps, error, onEdited } = useCell(index, kind);
  const code = (field.value as string | undefined) ?? "";
  const name = code ? subjectName(catalog, kind, code) : "";
  return (
    <>
      <div className="cell-line">
        <input
          {...inputProps}
          className={`code ${inputProps.className ?? ""}`}
          aria-label={`第 ${index + 1} 行 ${kind === "function" ? "功能分类科目" : "经济分类科目"}`}
          list={`${kind}-subjects`}
          autoComplete="off"
          inputMode="numeric"
          value={code}
          onChange={(e) => {
            onEdited();
            field.onChange(e.target.value);
          }}
        />
        <span className="subject-name muted" title={name}>
          {name}
        </span>
      </div>
      <FieldError message={error} id={`${inputProps.id}-error`} />
    </>
  );
}

export function FunctionCell({ row }: CellProps) {
  return <SubjectCell index={row.original.index} kind="function" />;
}

export function EconomicCell({ row }: CellProps) {
  return <SubjectCell index={row.original.index} kind="economic" />;
}

export function KindCell({ row }: CellProps) {
  const { form, catalog } = useGrid();
  const code = useWatch({ control: form.control, name: nameOf(row.original.index, "economic") }) as string | undefined;
  const subject = catalog.economics.get(code ?? "");
  return subject ? <span className="muted">{subject.category === "personnel" ? "人员" : "公用"}</span> : null;
}

export function FundCell({ row }: CellProps) {
  const index = row.original.index;
  const { field, inputProps, error, onEdited } = useCell(index, "fund");
  return (
    <>
      <select
        {...inputProps}
        aria-label={`第 ${index + 1} 行 资金来源`}
        value={(field.value as string | undefined) ?? ""}
        onChange={(e) => {
          onEdited();
          field.onChange(e.target.value);
        }}
      >
        {FUND_OPTIONS.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError message={error} id={`${inputProps.id}-error`} />
    </>
  );
}

export function AmountCell({ row }: CellProps) {
  const index = row.original.index;
  const { unit } = useGrid();
  const { field, inputProps, error, onEdited } = useCell(index, "amount");
  const value = field.value as string | undefined;
  const common = { ...inputProps, "aria-label": `第 ${index + 1} 行 金额（${unit}）` };
  return (
    <>
      <div className="cell-line">
        {unit === "元" ? (
          <MoneyInput
            {...common}
            value={value}
            onChange={(raw) => {
              onEdited();
              field.onChange(raw);
            }}
          />
        ) : (
          <WanInput
            {...common}
            value={value}
            onChange={(raw) => {
              onEdited();
              field.onChange(raw);
            }}
          />
        )}
        {unit === "元" ? <span className="wan muted">{yuanAsWan(value)}</span> : null}
      </div>
      <FieldError message={error} id={`${inputProps.id}-error`} />
    </>
  );
}

/**
 * An amount typed in 万元 and stored in 元. While the cell has the focus it shows exactly what
 * is typed; a value that does not read as 万元 is passed on as typed, so the schema names it.
 */
function WanInput({
  value,
  onChange,
  ...rest
}: Omit<React.InputHTMLAttributes<HTMLInputElement>, "value" | "onChange"> & { value: string | undefined; onChange(yuan: string): void }) {
  const [draft, setDraft] = useState<string | null>(null);
  const raw = value ?? "";
  const shown = draft ?? (/^\d+(\.\d{1,2})?$/.test(raw) ? new Decimal(raw).div(10_000).toString() : raw);
  return (
    <input
      {...rest}
      inputMode="decimal"
      autoComplete="off"
      className={`money ${rest.className ?? ""}`}
      value={shown}
      onFocus={() => setDraft(shown)}
      onBlur={(e) => {
        setDraft(null);
        rest.onBlur?.(e);
      }}
      onChange={(e) => {
        const typed = e.target.value;
        setDraft(typed);
        const read = readAmount(typed, "万元");
        onChange(typed.trim() === "" ? "" : read.ok ? read.yuan : normalizeMoneyInput(typed));
      }}
    />
  );
}

export function ActionsCell({ row }: CellProps) {
  const { actions } = useGrid();
  const index = row.original.index;
  return (
    <span className="row-buttons">
      <button type="button" className="link" onClick={() => actions.duplicate(index)} aria-label={`复制第 ${index + 1} 行`} title="复制本行到下方（Ctrl+D）">
        复制
      </button>
      <button type="button" className="link" onClick={() => actions.remove(index)} aria-label={`删除第 ${index + 1} 行`} title="删除本行（Ctrl+Delete）">
        删除
      </button>
    </span>
  );
}
