import { displayAmount } from "@/lib/format";
import { placeCells, type GridCell, type GridTable } from "@/lib/public/layout";
import type { FontName } from "./fonts";
import { COLORS, CONTENT_WIDTH, newPage, PAGE, textLines, textWidth, type Metrics, type Op, type Page, type TextStyle } from "./page";
import { wrapText } from "./wrap";

/**
 * One disclosure table (a GridTable of lib/public/layout, the layout the web page and the Excel
 * file use) as PDF pages: title, preface, 单位：万元, the merged header, the rows, the 备注.
 * The table starts a page of its own; a table longer than a page continues on the next ones
 * under a "续表" line with its header repeated. Rows are not split across pages, except a single
 * row taller than a page (a long 项目概述); cells spanning rows (绩效指标) continue on the next
 * page with their label repeated. The 备注 stays with the last row.
 */
const SIZE = 9;
const LINE = 12.6;
const PAD_X = 4;
const PAD_Y = 3.2;
const MIN_ROW = LINE + 2 * PAD_Y;
const TITLE: TextStyle = { font: "bold", size: 14, lineHeight: 20 };
const CONTINUED: TextStyle = { font: "bold", size: 11, lineHeight: 16, color: COLORS.muted };
const PREFACE: TextStyle = { font: "regular", size: 10, lineHeight: 15 };
const UNIT: TextStyle = { font: "regular", size: 9, lineHeight: 14, color: COLORS.muted };
const NOTE: TextStyle = { font: "regular", size: 9, lineHeight: 13 };
const NOTE_GAP = 6;

interface CellBox {
  col: number;
  colSpan: number;
  rowSpan: number;
  lines: string[];
  font: FontName;
  size: number;
  align: "left" | "center" | "right";
  indent: number;
  fill?: string;
  /** Headings and labels are printed again on each page a cell spans; other text continues. */
  repeat: boolean;
}

interface RowBox {
  cells: CellBox[];
  height: number;
  /** The 备注 under the table, laid out as the last row so that it keeps with the table's end. */
  note?: string[];
}

interface Columns {
  x: number[];
  width: (col: number, span: number) => number;
}

function columnsOf(table: GridTable): Columns {
  const total = table.widths.reduce((a, b) => a + b, 0);
  const x = [PAGE.left];
  for (const w of table.widths) x.push(x[x.length - 1]! + (w / total) * CONTENT_WIDTH);
  return { x, width: (col, span) => x[col + span]! - x[col]! };
}

function cellBox(metrics: Metrics, cell: GridCell, col: number, colSpan: number, rowSpan: number, width: number, total: boolean): CellBox {
  const base = { col, colSpan, rowSpan, size: SIZE, indent: 0 };
  const inner = width - 2 * PAD_X;
  /** Codes and amounts stay on one line: a figure too wide for its column is set smaller. */
  const oneLine = (text: string, font: FontName, align: "left" | "right"): CellBox => {
    const w = textWidth(metrics, font, SIZE, text);
    return { ...base, lines: [text], font, align, repeat: false, size: w > inner ? Math.max(5, (SIZE * inner) / w) : SIZE };
  };
  const font: FontName = total ? "bold" : "regular";
  switch (cell.kind) {
    case "head":
    case "label":
      return {
        ...base,
        lines: wrapText(cell.text, inner, SIZE, metrics("bold")),
        font: "bold",
        align: "center",
        fill: cell.kind === "head" ? COLORS.head : COLORS.label,
        repeat: true,
      };
    case "amount":
      return oneLine(displayAmount(cell.amount), font, "right");
    case "code":
      return oneLine(cell.text, font, "left");
    case "text": {
      const indent = (cell.indent ?? 0) * SIZE;
      return { ...base, indent, lines: wrapText(cell.text, inner - indent, SIZE, metrics(font)), font, align: "left", repeat: false };
    }
  }
}

const contentHeight = (c: CellBox) => c.lines.length * LINE + 2 * PAD_Y;

/** Rows of cells with their heights; a cell spanning rows that needs more room enlarges its last row. */
function layoutRows(metrics: Metrics, rows: GridCell[][], columns: number, cols: Columns, totals: ReadonlySet<number>): RowBox[] {
  const out: RowBox[] = rows.map(() => ({ cells: [], height: MIN_ROW }));
  const spanning: { row: number; cell: CellBox }[] = [];
  for (const p of placeCells(rows, columns)) {
    const cell = cellBox(metrics, p.cell, p.col, p.colSpan, p.rowSpan, cols.width(p.col, p.colSpan), totals.has(p.row));
    out[p.row]!.cells.push(cell);
    if (p.rowSpan > 1) spanning.push({ row: p.row, cell });
    else out[p.row]!.height = Math.max(out[p.row]!.height, contentHeight(cell));
  }
  for (const { row, cell } of spanning) {
    const last = Math.min(row + cell.rowSpan, out.length) - 1;
    let have = 0;
    for (let r = row; r <= last; r++) have += out[r]!.height;
    const need = contentHeight(cell);
    if (need > have) out[last]!.height += need - have;
  }
  return out;
}

/** Whether rows `i` and `i + 1` are joined by a cell spanning both. */
function joined(rows: readonly RowBox[], i: number): boolean {
  for (let j = 0; j <= i; j++) for (const c of rows[j]!.cells) if (j + c.rowSpan - 1 > i) return true;
  return false;
}

/** Splits a row taller than a page after the lines that fit `available`; labels repeat. */
function splitRow(row: RowBox, available: number): [RowBox, RowBox] {
  const keep = Math.max(1, Math.floor((available - 2 * PAD_Y) / LINE));
  const part = (cells: CellBox[]): RowBox => ({ cells, height: Math.max(MIN_ROW, ...cells.map(contentHeight)) });
  return [
    part(row.cells.map((c) => ({ ...c, lines: c.repeat ? c.lines : c.lines.slice(0, keep) }))),
    part(row.cells.map((c) => ({ ...c, lines: c.repeat ? c.lines : c.lines.slice(keep).concat(c.lines.length > keep ? [] : [""]) }))),
  ];
}

/** Ops of rows [a, b) drawn from `top`: fills, then borders, then text (text order = reading order). */
function drawRows(
  metrics: Metrics,
  rows: readonly RowBox[],
  a: number,
  b: number,
  top: number,
  cols: Columns,
  drawn: Map<CellBox, number>,
): { ops: Op[]; bottom: number } {
  const y = [top];
  for (let r = a; r < b; r++) y.push(y[y.length - 1]! + rows[r]!.height);
  const fills: Op[] = [];
  const borders: Op[] = [];
  const texts: Op[] = [];
  const place = (cell: CellBox, from: number, to: number) => {
    const x = cols.x[cell.col]!;
    const w = cols.width(cell.col, cell.colSpan);
    const y0 = y[from - a]!;
    const h = y[to - a]! - y0;
    if (cell.fill) fills.push({ op: "rect", x, y: y0, w, h, fill: cell.fill });
    borders.push({ op: "rect", x, y: y0, w, h, stroke: COLORS.border });
    const offset = cell.repeat ? 0 : (drawn.get(cell) ?? 0);
    const room = Math.max(1, Math.floor((h - 2 * PAD_Y + 0.01) / LINE));
    const lines = cell.lines.slice(offset, offset + room);
    if (!cell.repeat) drawn.set(cell, offset + lines.length);
    const style: TextStyle = { font: cell.font, size: cell.size, lineHeight: LINE };
    const textTop = y0 + (h - lines.length * LINE) / 2;
    texts.push(...textLines(metrics, lines, style, x + PAD_X + cell.indent, w - 2 * PAD_X - cell.indent, textTop, cell.align));
  };
  // Cells spanning down from a previous page continue here.
  for (let j = 0; j < a; j++) for (const c of rows[j]!.cells) if (j + c.rowSpan > a) place(c, a, Math.min(j + c.rowSpan, b));
  for (let r = a; r < b; r++) {
    const row = rows[r]!;
    if (row.note) {
      texts.push(...textLines(metrics, row.note, NOTE, PAGE.left, CONTENT_WIDTH, y[r - a]! + NOTE_GAP));
      continue;
    }
    for (const c of row.cells) place(c, r, Math.min(r + c.rowSpan, b));
  }
  return { ops: [...fills, ...borders, ...texts], bottom: y[y.length - 1]! };
}

/** The pages of one table; the first carries `bookmark`. */
export function tablePages(metrics: Metrics, table: GridTable, bookmark: string): Page[] {
  const cols = columnsOf(table);
  const head = layoutRows(metrics, table.head, table.columns, cols, new Set());
  const totals = new Set(table.body.flatMap((r, i) => (r.total ? [i] : [])));
  const rows = layoutRows(
    metrics,
    table.body.map((r) => r.cells),
    table.columns,
    cols,
    totals,
  );
  if (table.note) {
    const note = wrapText(`备注：${table.note}`, CONTENT_WIDTH, NOTE.size, metrics(NOTE.font));
    rows.push({ cells: [], height: NOTE_GAP + note.length * NOTE.lineHeight, note });
  }
  const headHeight = head.reduce((s, r) => s + r.height, 0);

  const titleLines = wrapText(table.title, CONTENT_WIDTH, TITLE.size, metrics(TITLE.font));
  const continuedLines = wrapText(`续表：${table.title}`, CONTENT_WIDTH, CONTINUED.size, metrics(CONTINUED.font));
  const prefaceLines = table.preface.flatMap((l) => wrapText(l, CONTENT_WIDTH, PREFACE.size, metrics(PREFACE.font)));

  /** Title block of a page; returns its ops and where the grid starts. */
  const header = (first: boolean): { ops: Op[]; top: number } => {
    const ops: Op[] = [];
    let top = PAGE.top;
    if (first) {
      ops.push(...textLines(metrics, titleLines, TITLE, PAGE.left, CONTENT_WIDTH, top, "center"));
      top += titleLines.length * TITLE.lineHeight + 4;
      ops.push(...textLines(metrics, prefaceLines, PREFACE, PAGE.left, CONTENT_WIDTH, top));
      top += prefaceLines.length * PREFACE.lineHeight;
    } else {
      ops.push(...textLines(metrics, continuedLines, CONTINUED, PAGE.left, CONTENT_WIDTH, top, "center"));
      top += continuedLines.length * CONTINUED.lineHeight + 2;
    }
    ops.push(...textLines(metrics, [table.unitLabel], UNIT, PAGE.left, CONTENT_WIDTH, top, "right"));
    top += UNIT.lineHeight;
    return { ops, top };
  };
  const gridTop = (first: boolean) => header(first).top + headHeight;
  const capacityFirst = PAGE.bottom - gridTop(true);
  const capacityNext = PAGE.bottom - gridTop(false);
  const splittable = (i: number) =>
    !rows[i]!.note && rows[i]!.cells.every((c) => c.rowSpan === 1) && (i === 0 || !joined(rows, i - 1)) && rows[i]!.height > MIN_ROW;

  // Page breaks: [start, end) of the body rows on each page.
  const breaks: [number, number][] = [];
  let start = 0;
  let used = 0;
  let capacity = capacityFirst;
  const close = (end: number) => {
    breaks.push([start, end]);
    start = end;
    used = 0;
    capacity = capacityNext;
  };
  for (let i = 0; i < rows.length;) {
    const h = rows[i]!.height;
    if (used + h <= capacity) {
      used += h;
      i++;
      continue;
    }
    const room = capacity - used;
    if (splittable(i) && room >= MIN_ROW + LINE && (i === start || h > capacityNext)) {
      rows.splice(i, 1, ...splitRow(rows[i]!, room));
      close(i + 1);
      i++;
    } else if (i === start) {
      // Taller than a page and not splittable (a spanning group's row): printed as is.
      used += h;
      i++;
    } else {
      let at = i;
      while (at > start && joined(rows, at - 1)) at--;
      close(at === start ? i : at);
      i = start;
    }
  }
  if (start < rows.length || breaks.length === 0) close(rows.length);

  const drawn = new Map<CellBox, number>();
  return breaks.map(([a, b], n) => {
    const page = newPage();
    if (n === 0) page.bookmarks.push(bookmark);
    const top = header(n === 0);
    page.ops.push(...top.ops);
    const h = drawRows(metrics, head, 0, head.length, top.top, cols, new Map());
    page.ops.push(...h.ops);
    page.ops.push(...drawRows(metrics, rows, a, b, h.bottom, cols, drawn).ops);
    return page;
  });
}
