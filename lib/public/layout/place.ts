import { span, type GridCell } from "./types";

export interface PlacedCell {
  row: number;
  col: number;
  cell: GridCell;
  colSpan: number;
  rowSpan: number;
}

/**
 * Absolute positions of the cells of HTML-style rows (a cell spanning rows occupies the same
 * columns of the rows below, which then skip them) — what a spreadsheet needs to merge cells.
 * Throws when a row does not fill exactly `columns`, so a layout bug shows up in the unit tests
 * instead of as a shifted Excel sheet.
 */
export function placeCells(rows: GridCell[][], columns: number): PlacedCell[] {
  const occupied: boolean[][] = [];
  const out: PlacedCell[] = [];
  const taken = (r: number, c: number) => occupied[r]?.[c] === true;
  rows.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (taken(r, c)) c++;
      const { colSpan, rowSpan } = span(cell);
      for (let dr = 0; dr < rowSpan; dr++)
        for (let dc = 0; dc < colSpan; dc++) {
          if (taken(r + dr, c + dc)) throw new Error(`版式错误：第 ${r + 1} 行第 ${c + dc + 1} 列重叠`);
          (occupied[r + dr] ??= [])[c + dc] = true;
        }
      out.push({ row: r, col: c, cell, colSpan, rowSpan });
      c += colSpan;
    }
    const filled = (occupied[r] ?? []).filter(Boolean).length;
    if (filled !== columns || (occupied[r]?.length ?? 0) !== columns) throw new Error(`版式错误：第 ${r + 1} 行占 ${filled} 列，应为 ${columns} 列`);
  });
  return out;
}
