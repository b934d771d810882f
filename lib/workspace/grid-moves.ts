import { GRID_COLUMNS, type GridColumn } from "@/lib/workspace/grid-paste";

export type Move = "up" | "down" | "left" | "right" | "next" | "prev" | "first" | "last";

/**
 * The cell a move leads to in a grid of `rows` lines, or undefined when it leaves the grid (Tab
 * past the last cell): up/down stay in the column, left/right in the row, Tab and Shift+Tab
 * wrap to the next or previous line as in a spreadsheet; first/last (Ctrl+Home/End) go to the
 * first or last line in the same column.
 */
export function moveFrom(at: { row: number; column: GridColumn }, move: Move, rows: number): { row: number; column: GridColumn } | undefined {
  const col = GRID_COLUMNS.indexOf(at.column);
  const last = GRID_COLUMNS.length - 1;
  switch (move) {
    case "up":
      return { row: Math.max(0, at.row - 1), column: at.column };
    case "down":
      return { row: Math.min(rows - 1, at.row + 1), column: at.column };
    case "left":
      return { row: at.row, column: GRID_COLUMNS[Math.max(0, col - 1)]! };
    case "right":
      return { row: at.row, column: GRID_COLUMNS[Math.min(last, col + 1)]! };
    case "next":
      if (col < last) return { row: at.row, column: GRID_COLUMNS[col + 1]! };
      return at.row + 1 < rows ? { row: at.row + 1, column: GRID_COLUMNS[0]! } : undefined;
    case "prev":
      if (col > 0) return { row: at.row, column: GRID_COLUMNS[col - 1]! };
      return at.row > 0 ? { row: at.row - 1, column: GRID_COLUMNS[last]! } : undefined;
    case "first":
      return { row: 0, column: at.column };
    case "last":
      return { row: Math.max(0, rows - 1), column: at.column };
  }
}
