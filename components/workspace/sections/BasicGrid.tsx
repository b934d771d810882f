"use client";
import { Fragment, memo, useCallback, useEffect, useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent } from "react";
import { useFieldArray } from "react-hook-form";
import { tableFeatures, useTable, FlexRender, type ColumnDef, type Row as TableRow } from "@tanstack/react-table";
import { defaultRangeExtractor, useWindowVirtualizer, type Range } from "@tanstack/react-virtual";
import { FUND_LABELS } from "@/lib/budget/package/labels";
import { duplicateGroups, mergeGroup, type DuplicateGroup } from "@/lib/workspace/basic-lines";
import { applyPaste, parseTsv, type AmountUnit, type CellProblem, type GridColumn, type GridLine } from "@/lib/workspace/grid-paste";
import { useSectionForm } from "../useSectionForm";
import { Figures, SectionFrame } from "../SectionFrame";
import { wan } from "../labels";
import { SubjectOptions } from "../SubjectOptions";
import { FunctionPreview } from "./FunctionPreview";
import { CeilingMeter } from "../CeilingMeter";
import {
  ActionsCell,
  AmountCell,
  EconomicCell,
  FunctionCell,
  FundCell,
  GridContext,
  KindCell,
  PasteMarks,
  RowErrors,
  type GridContextValue,
  type LineErrors,
  type Row,
} from "./BasicGridCells";
import { moveFrom, type Move } from "@/lib/workspace/grid-moves";
import { findCells, nextFound, type FoundCell } from "@/lib/workspace/grid-find";

const features = tableFeatures({});

// Defined once for the module: a cell component keeps its identity across renders, so React
// never remounts (and unfocuses) the input being typed into. What cells need comes by context.
const columns: ColumnDef<typeof features, Row>[] = [
  { id: "function", header: "功能分类科目（项）", cell: FunctionCell },
  { id: "economic", header: "经济分类科目（款）", cell: EconomicCell },
  { id: "kind", header: "类别", cell: KindCell },
  { id: "fund", header: "资金来源", cell: FundCell },
  { id: "amount", header: "金额", cell: AmountCell },
  { id: "actions", header: "", cell: ActionsCell },
];

/**
 * From this many lines on, only the lines near the screen are in the page (window virtualisation):
 * the browser's cost of a keystroke (style, layout, paint of every input) grew with the whole
 * grid's size — measured 3× the CPU per key at 500 lines as at 60. Below it every line stays in the
 * page, so the browser's find (Ctrl+F) sees them all.
 */
const VIRTUAL_FROM = 100;
/** A compact line's height in px (globals.css, table.grid), and what a duplicate note adds. */
const LINE_HEIGHT = 34;
const NOTE_HEIGHT = 30;

const EMPTY_LINE: GridLine = { function: "", economic: "", fund: "generalBudget", amount: "" };

const SHORTCUTS: [string, string][] = [
  ["↑ ↓ ← →", "移动"],
  ["Enter / Shift+Enter", "下移 / 上移"],
  ["Tab / Shift+Tab", "右移 / 左移"],
  ["Ctrl+Home / Ctrl+End", "到第一行 / 最后一行"],
  ["Ctrl+Enter", "在下方插入一行"],
  ["Ctrl+D", "复制本行到下方"],
  ["Ctrl+Delete", "删除本行"],
  ["Ctrl+V", "粘贴 Excel/WPS 区域"],
  ["Ctrl+Z", "撤销粘贴"],
  ["Ctrl+S", "保存"],
  ["Ctrl+F", "查找（100 行以上的表格）"],
  ["Enter / F3 / Shift+F3", "查找下一个 / 上一个；Esc 回到表格"],
];

interface PasteReport {
  rows: number[];
  problems: CellProblem[];
  ignoredColumns: number;
  before: GridLine[];
}

/**
 * 基本支出: a spreadsheet-like grid, one row per 功能分类 项 × 经济分类 款 × 资金来源. The table
 * gives the structure (TanStack Table); each cell is a react-hook-form field validated by the
 * package schema; keys move as in Excel, a block copied from Excel or WPS can be pasted, and the
 * totals and 表二 stay in view, updated as you type.
 */
export function BasicGrid() {
  const { form, live, editor, frame } = useSectionForm("basic");
  const { fields, append, insert, remove, replace } = useFieldArray({ control: form.control, name: "basicExpenditure" });
  const fieldsNow = useRef(fields);
  useEffect(() => {
    fieldsNow.current = fields;
  }, [fields]);
  const catalog = editor.catalog;
  const [unit, setUnit] = useState<AmountUnit>("元");
  const [paste, setPaste] = useState<PasteReport | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // A paste is undone exactly as long as nothing was typed after it (else Ctrl+Z is the browser's).
  const [undoable, setUndoable] = useState(false);
  const findInput = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState("");
  const [findStatus, setFindStatus] = useState("");
  const lastCell = useRef<FoundCell | undefined>(undefined);
  // Where the focus goes once the page has it: after the rows change (`rowsBefore`: the rows as
  // they were when it was asked, since their inputs are replaced), or a line is scrolled in.
  const pendingFocus = useRef<{ row: number; column: GridColumn; rowsBefore?: unknown } | null>(null);

  // Rows are keyed by react-hook-form's stable field ids: typing changes values, never `fields`.
  const data = useMemo<Row[]>(() => fields.map((f, index) => ({ index, id: f.id })), [fields]);
  const table = useTable({ features, columns, data, getRowId: (r) => r.id });

  // Recomputed only when a code or fund changed, not on every digit of an amount (a keystroke in
  // an amount re-renders its cell, not the grid).
  const keysOf = useCallback(
    () =>
      ((form.getValues("basicExpenditure") as GridLine[] | undefined) ?? [])
        .map((l) => `${l?.function ?? ""}\t${l?.economic ?? ""}\t${l?.fund ?? ""}`)
        .join("\n"),
    [form],
  );
  const [keys, setKeys] = useState(keysOf);
  useEffect(
    () =>
      form.subscribe({
        name: "basicExpenditure",
        formState: { values: true },
        callback: () => setKeys(keysOf()),
      }),
    [form, keysOf],
  );
  const duplicates = useMemo(
    () =>
      duplicateGroups(
        keys === ""
          ? []
          : keys
              .split("\n")
              .map((k) => k.split("\t"))
              .map(([fn, eco, fund]) => ({ function: fn, economic: eco, fund })),
      ),
    [keys],
  );
  const duplicateOf = useMemo(() => {
    const map = new Map<number, DuplicateGroup>();
    for (const g of duplicates) for (const r of g.rows) map.set(r, g);
    return map;
  }, [duplicates]);

  const rowModel = table.getRowModel().rows;
  const virtual = fields.length >= VIRTUAL_FROM;
  const body = useRef<HTMLTableSectionElement>(null);
  const [bodyTop, setBodyTop] = useState(0);
  useEffect(() => {
    if (!virtual) return;
    const measure = () => setBodyTop((body.current?.getBoundingClientRect().top ?? 0) + window.scrollY);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, [virtual]);
  // The line holding the focus (or about to receive it) stays in the page even when the window
  // moves away from it — the summary above the grid growing, a scroll by the mouse — so that the
  // input being typed into is never unmounted under the keyboard.
  const focusedRow = useRef<number | null>(null);
  const rangeExtractor = useCallback((range: Range) => {
    const indexes = defaultRangeExtractor(range);
    for (const keep of [focusedRow.current, pendingFocus.current?.row]) {
      if (keep == null || keep >= range.count || indexes.includes(keep)) continue;
      indexes.push(keep);
    }
    return indexes.sort((a, b) => a - b);
  }, []);
  const virtualizer = useWindowVirtualizer({
    count: rowModel.length,
    enabled: virtual,
    rangeExtractor,
    estimateSize: (i) => LINE_HEIGHT + (duplicateOf.has(i) ? NOTE_HEIGHT : 0),
    overscan: 12,
    scrollMargin: bodyTop,
    getItemKey: (i) => rowModel[i]?.id ?? i,
  });
  // A duplicate note changes a line's height: the offsets are estimated again.
  useEffect(() => virtualizer.measure(), [duplicateOf, virtualizer]);

  // After rows are added, replaced or removed, or a line off screen was scrolled to, the focus
  // goes where the key asked for once the cell is in the page.
  useEffect(() => {
    const target = pendingFocus.current;
    if (!target || target.rowsBefore === fields) return;
    const element = cellAt(Math.min(target.row, fields.length - 1), target.column);
    if (!element && virtual) return;
    pendingFocus.current = null;
    element?.focus();
    if (element instanceof HTMLInputElement) element.select();
  });

  /** Focuses a cell, scrolling a line that is not in the page (a long grid) into it first. */
  const focusCell = (target: { row: number; column: GridColumn }) => {
    const element = cellAt(target.row, target.column);
    if (element) {
      pendingFocus.current = null;
      element.focus();
      if (element instanceof HTMLInputElement) element.select();
      return;
    }
    pendingFocus.current = target;
    virtualizer.scrollToIndex(target.row, { align: "center" });
  };

  /** Goes to the next (or previous) cell holding `text`, from the cell last in the grid. */
  const findNext = (text: string, backwards = false) => {
    const found = findCells(currentLines(), text, catalog);
    const index = nextFound(found, lastCell.current, backwards);
    if (index === undefined) {
      setFindStatus(text.trim() === "" ? "" : `没有找到“${text.trim()}”`);
      return;
    }
    setFindStatus(`第 ${index + 1} / ${found.length} 处`);
    focusCell(found[index]!);
  };

  const setLines = useCallback(
    (next: GridLine[], focus?: { row: number; column: GridColumn }) => {
      pendingFocus.current = focus ? { ...focus, rowsBefore: fieldsNow.current } : null;
      replace(next);
      void form.trigger("basicExpenditure");
    },
    [replace, form],
  );

  const currentLines = useCallback(() => ((form.getValues("basicExpenditure") as GridLine[] | undefined) ?? []).map((l) => ({ ...EMPTY_LINE, ...l })), [form]);

  const actions = useMemo(
    () => ({
      insertBelow(row: number) {
        pendingFocus.current = { row: row + 1, column: "function", rowsBefore: fieldsNow.current };
        insert(row + 1, { ...EMPTY_LINE });
      },
      duplicate(row: number) {
        const line = currentLines()[row];
        if (!line) return;
        pendingFocus.current = { row: row + 1, column: "fund", rowsBefore: fieldsNow.current };
        insert(row + 1, { ...line });
      },
      remove(row: number) {
        pendingFocus.current = { row: Math.max(0, row - 1), column: "function", rowsBefore: fieldsNow.current };
        remove(row);
      },
      merge(rows: number[]) {
        const merged = mergeGroup(currentLines(), rows);
        if (!merged) {
          setNotice(`无法合并：第 ${rows.map((r) => r + 1).join("、")} 行中有金额不是有效数字，请先改正。`);
          return;
        }
        setNotice(`已将第 ${rows.map((r) => r + 1).join("、")} 行合并为第 ${rows[0]! + 1} 行（金额相加），保存后生效。`);
        setLines(merged, { row: rows[0]!, column: "amount" });
      },
    }),
    [insert, remove, currentLines, setLines],
  );

  const grid = useMemo<GridContextValue>(() => ({ form, catalog, unit, actions }), [form, catalog, unit, actions]);

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    // Keys pressed before a move has landed (the line is still being scrolled into the page) go
    // on from where that move is going, as in a spreadsheet, not from the cell it left.
    const pending = pendingFocus.current;
    const at = pending ? { row: Math.min(pending.row, Math.max(fields.length - 1, 0)), column: pending.column } : cellOf(event.target);
    if (!at) return;
    const ctrl = event.ctrlKey || event.metaKey;
    if (ctrl && event.key === "Enter") {
      event.preventDefault();
      actions.insertBelow(at.row);
      return;
    }
    if (ctrl && (event.key === "d" || event.key === "D")) {
      event.preventDefault();
      actions.duplicate(at.row);
      return;
    }
    if (ctrl && event.key === "Delete") {
      event.preventDefault();
      actions.remove(at.row);
      return;
    }
    if (ctrl && (event.key === "z" || event.key === "Z") && !event.shiftKey && paste && undoable) {
      event.preventDefault();
      undoPaste();
      return;
    }
    if (ctrl && (event.key === "f" || event.key === "F") && virtual) {
      event.preventDefault();
      findInput.current?.focus();
      findInput.current?.select();
      return;
    }
    if (event.key === "F3") {
      event.preventDefault();
      lastCell.current = at;
      findNext(query, event.shiftKey);
      return;
    }
    if (ctrl && (event.key === "Home" || event.key === "End")) {
      event.preventDefault();
      const target = moveFrom(at, event.key === "Home" ? "first" : "last", fields.length);
      if (target) focusCell(target);
      return;
    }
    if (event.altKey || ctrl) return;
    const move = keyMove(event);
    if (!move) return;
    const target = moveFrom(at, move, fields.length);
    // Tab past the last cell (or before the first) leaves the grid as it would anywhere else.
    if (!target) return;
    event.preventDefault();
    focusCell(target);
  };

  const onPaste = (event: ClipboardEvent<HTMLTableElement>) => {
    const at = cellOf(event.target);
    const text = event.clipboardData.getData("text/plain");
    if (!at || !text) return;
    const block = parseTsv(text);
    // One value into one cell is ordinary typing; the browser does it (and its own undo).
    if (block.length <= 1 && (block[0]?.length ?? 0) <= 1 && at.column !== "fund") return;
    event.preventDefault();
    const before = currentLines();
    const result = applyPaste(before, block, at, catalog, unit);
    setPaste({ rows: result.rows, problems: result.problems, ignoredColumns: result.ignoredColumns, before });
    setUndoable(true);
    setNotice(null);
    setLines(result.lines, at);
  };

  const undoPaste = () => {
    if (!paste) return;
    const first = paste.rows[0] ?? 0;
    setLines(paste.before, { row: Math.min(first, Math.max(paste.before.length - 1, 0)), column: "function" });
    setPaste(null);
    setUndoable(false);
    setNotice("已撤销粘贴。");
  };

  // Each line's errors as a string, so a row re-renders only when its own errors change.
  const lineErrors = (form.formState.errors.basicExpenditure ?? []) as unknown as (Record<string, { message?: string } | undefined> | undefined)[];
  const errorsOf = (row: number): string | undefined => {
    const e = lineErrors[row];
    if (!e) return undefined;
    const out: Record<string, string> = {};
    for (const c of ["function", "economic", "fund", "amount"] as const) if (e[c]?.message) out[c] = e[c]!.message!;
    return Object.keys(out).length ? JSON.stringify(out) : undefined;
  };

  const marks = useMemo(() => {
    const map = new Map<string, string>();
    for (const p of paste?.problems ?? []) map.set(`${p.row}:${p.column}`, p.message);
    return map;
  }, [paste]);

  const tables = live.evaluation?.tables;
  const items = virtualizer.getVirtualItems().filter((item) => item.index < rowModel.length);
  return (
    <SectionFrame
      title="基本支出"
      hint="每行一个功能分类“项”、经济分类“款”和资金来源的组合。人员经费和公用经费由经济分类自动区分。可以从 Excel 或 WPS 复制一块区域，在格子里粘贴。"
      {...frame}
      sticky
      totals={
        <>
          <Figures
            items={[
              { label: "基本支出合计", value: wan(tables?.T8?.total.basic), testId: "basic-total" },
              { label: "一般公共预算人员经费", value: wan(tables?.T3?.total.personnel), testId: "basic-personnel" },
              { label: "一般公共预算公用经费", value: wan(tables?.T3?.total.public), testId: "basic-public" },
              { label: "行数", value: String(fields.length), testId: "grid-line-count" },
            ]}
          />
          <CeilingMeter budget={live.evaluation?.budget} kind="basic" />
          {live.stale ? <p className="muted small">有输入错误，上面的数字是最后一次有效输入时的结果。</p> : null}
          {tables?.T2 ? (
            <details className="t2-live" open>
              <summary>表二 一般公共预算财政拨款支出（实时，万元）</summary>
              <FunctionPreview t2={tables.T2} />
            </details>
          ) : null}
        </>
      }
    >
      <SubjectOptions catalog={catalog} />
      <div className="grid-toolbar">
        <fieldset className="unit-switch" aria-label="金额单位">
          <span>金额单位：</span>
          {(["元", "万元"] as const).map((u) => (
            <label key={u}>
              <input type="radio" name="amount-unit" value={u} checked={unit === u} onChange={() => setUnit(u)} /> {u}
            </label>
          ))}
        </fieldset>
        <div className="grid-find" role="search">
          <label>
            查找：
            <input
              ref={findInput}
              type="search"
              value={query}
              placeholder="科目编码、名称或金额"
              data-testid="grid-find"
              onChange={(event) => {
                setQuery(event.target.value);
                setFindStatus("");
              }}
              onKeyDown={(event) => {
                if (event.key === "Escape") {
                  event.preventDefault();
                  focusCell(lastCell.current ?? { row: 0, column: "function" });
                  return;
                }
                if (event.key !== "Enter") return;
                event.preventDefault();
                findNext(query, event.shiftKey);
              }}
            />
          </label>
          <span className="muted small" aria-live="polite" data-testid="grid-find-status">
            {findStatus}
          </span>
        </div>
        <details className="shortcuts">
          <summary>键盘快捷键</summary>
          <dl data-testid="grid-shortcuts">
            {SHORTCUTS.map(([k, v]) => (
              <div key={k}>
                <dt>
                  <kbd>{k}</kbd>
                </dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
        </details>
      </div>
      {paste ? (
        <div className={paste.problems.length > 0 ? "notice warn" : "notice ok"} aria-live="polite" data-testid="paste-report">
          已粘贴 {paste.rows.length} 行（第 {(paste.rows[0] ?? 0) + 1}–{(paste.rows.at(-1) ?? 0) + 1} 行），请核对后保存。
          {paste.problems.length > 0 ? ` ${paste.problems.length} 个格子无法识别，已原样保留并标出：` : null}
          {paste.ignoredColumns > 0 ? ` 右侧多出的 ${paste.ignoredColumns} 列没有对应的栏目，未粘贴。` : null}
          {undoable ? (
            <button type="button" className="link" onClick={undoPaste} style={{ marginLeft: "0.5rem" }}>
              撤销粘贴（Ctrl+Z）
            </button>
          ) : null}
          {paste.problems.length > 0 ? (
            <ul>
              {paste.problems.slice(0, 8).map((p) => (
                <li key={`${p.row}:${p.column}`}>{p.message}</li>
              ))}
              {paste.problems.length > 8 ? <li>……共 {paste.problems.length} 处</li> : null}
            </ul>
          ) : null}
        </div>
      ) : null}
      {notice ? (
        <p className="notice" aria-live="polite" data-testid="grid-notice">
          {notice}
        </p>
      ) : null}
      <GridContext.Provider value={grid}>
        <PasteMarks.Provider value={marks}>
          <div className="grid-scroll">
            <table
              className="data grid"
              data-testid="basic-grid"
              onKeyDown={onKeyDown}
              onPaste={onPaste}
              onInput={() => undoable && setUndoable(false)}
              onFocus={(event) => {
                const at = cellOf(event.target);
                focusedRow.current = at?.row ?? null;
                lastCell.current = at;
              }}
              onBlur={(event) => {
                if (!event.currentTarget.contains(event.relatedTarget)) focusedRow.current = null;
              }}
            >
              <thead>
                {table.getHeaderGroups().map((group) => (
                  <tr key={group.id}>
                    {group.headers.map((header) => (
                      <th key={header.id} className={`col-${header.column.id}${header.column.id === "amount" ? " num" : ""}`}>
                        <FlexRender header={header} />
                        {header.column.id === "amount" ? `（${unit}）` : null}
                      </th>
                    ))}
                  </tr>
                ))}
              </thead>
              <tbody ref={body}>
                {(virtual ? items.map((item) => rowModel[item.index]!) : rowModel).map((row, position) => {
                  const group = duplicateOf.get(row.index);
                  const gap = virtual ? gapBefore(items, position, virtualizer.options.scrollMargin) : 0;
                  return (
                    <Fragment key={row.id}>
                      {gap > 0 ? <Spacer height={gap} /> : null}
                      <GridRow
                        row={row}
                        duplicateText={group ? duplicateText(group, row.index, catalog) : undefined}
                        duplicateRows={group ? group.rows.join(",") : undefined}
                        errors={errorsOf(row.index)}
                        merge={actions.merge}
                      />
                    </Fragment>
                  );
                })}
                {virtual && items.length > 0 ? <Spacer height={virtualizer.getTotalSize() - (items.at(-1)!.end - virtualizer.options.scrollMargin)} /> : null}
              </tbody>
            </table>
          </div>
        </PasteMarks.Provider>
      </GridContext.Provider>
      <div className="row-actions">
        <button
          type="button"
          className="secondary"
          onClick={() => {
            pendingFocus.current = { row: fields.length, column: "function", rowsBefore: fields };
            append({ ...EMPTY_LINE }, { shouldFocus: false });
          }}
        >
          添加一行
        </button>
        <span className="muted small">或在格子里按 Ctrl+Enter 在下方插入一行</span>
      </div>
    </SectionFrame>
  );
}

/**
 * One line of the grid. Memoized on its (stable) table row, so a keystroke re-renders only the
 * cells that watch what changed, not every line of a long grid.
 */
const GridRow = memo(function GridRow({
  row,
  duplicateText,
  duplicateRows,
  errors,
  merge,
}: {
  row: TableRow<typeof features, Row>;
  duplicateText?: string;
  duplicateRows?: string;
  /** The line's errors by column, as JSON (a string compares by value). */
  errors?: string;
  merge(rows: number[]): void;
}) {
  const lineErrors = useMemo<LineErrors>(() => (errors ? (JSON.parse(errors) as LineErrors) : {}), [errors]);
  return (
    <RowErrors.Provider value={lineErrors}>
      <tr data-row={row.index} className={duplicateText ? "duplicate" : undefined}>
        {row.getAllCells().map((cell) => (
          <td key={cell.id} className={`col-${cell.column.id}`}>
            <FlexRender cell={cell} />
          </td>
        ))}
      </tr>
      {duplicateText ? (
        <tr className="row-note" data-testid={`duplicate-${row.index}`}>
          <td colSpan={columns.length}>
            <span className="field-error">{duplicateText}</span>{" "}
            {duplicateRows && Number(duplicateRows.split(",")[0]) === row.index ? (
              <button type="button" className="link" onClick={() => merge(duplicateRows.split(",").map(Number))}>
                合并为一行（金额相加）
              </button>
            ) : null}
          </td>
        </tr>
      ) : null}
    </RowErrors.Provider>
  );
});

/** The empty height above the `position`-th rendered line: the lines not in the page before it. */
function gapBefore(items: readonly { start: number; end: number }[], position: number, scrollMargin: number): number {
  const item = items[position];
  if (!item) return 0;
  return item.start - (position === 0 ? scrollMargin : items[position - 1]!.end);
}

/** Stands for the lines above or below the screen in a long grid. */
function Spacer({ height }: { height: number }) {
  return (
    <tr aria-hidden="true" className="spacer">
      <td colSpan={columns.length} style={{ height: Math.max(0, height), padding: 0, border: 0 }} />
    </tr>
  );
}

function duplicateText(group: DuplicateGroup, row: number, catalog: GridContextValue["catalog"]): string {
  const others = group.rows.filter((r) => r !== row).map((r) => r + 1);
  const fn = `${group.function} ${catalog.functions.get(group.function)?.name ?? ""}`.trim();
  const eco = `${group.economic} ${catalog.economics.get(group.economic)?.name ?? ""}`.trim();
  const fund = FUND_LABELS[group.fund as keyof typeof FUND_LABELS] ?? group.fund;
  return `第 ${row + 1} 行与第 ${others.join("、")} 行重复：功能分类 ${fn} × 经济分类 ${eco} × ${fund} 只能有一行。请改其中一行的科目或资金来源，或合并。`;
}

/** The input or select of a grid cell (its id is the package path, as findings link to it). */
function cellAt(row: number, column: GridColumn): HTMLInputElement | HTMLSelectElement | null {
  return document.getElementById(`basicExpenditure[${row}].${column}`) as HTMLInputElement | HTMLSelectElement | null;
}

function cellOf(target: EventTarget): { row: number; column: GridColumn } | undefined {
  const id = (target as HTMLElement).id ?? "";
  const m = /^basicExpenditure\[(\d+)\]\.(function|economic|fund|amount)$/.exec(id);
  return m ? { row: Number(m[1]), column: m[2] as GridColumn } : undefined;
}

/** The move a key asks for; left/right inside text only once the caret is at its edge. */
function keyMove(event: KeyboardEvent): Move | undefined {
  const target = event.target as HTMLElement;
  const text = target instanceof HTMLInputElement ? target : undefined;
  switch (event.key) {
    case "ArrowUp":
      return "up";
    case "ArrowDown":
      return "down";
    case "Enter":
      return event.shiftKey ? "up" : "down";
    case "Tab":
      return event.shiftKey ? "prev" : "next";
    case "ArrowLeft":
      return !text || (text.selectionStart === 0 && text.selectionEnd === 0) ? "left" : undefined;
    case "ArrowRight":
      return !text || (text.selectionStart === text.value.length && text.selectionEnd === text.value.length) ? "right" : undefined;
    default:
      return undefined;
  }
}
