import type { Catalog } from "@/lib/catalog/catalog";
import { FUND_LABELS } from "@/lib/budget/package/labels";
import { foldWidth, GRID_COLUMNS, type GridColumn, type GridLine } from "@/lib/workspace/grid-paste";

export interface FoundCell {
  row: number;
  column: GridColumn;
}

/**
 * Every cell of the grid that matches `query`, in reading order. A long grid keeps only the lines
 * near the screen in the page, so the browser's own find cannot see the others: this searches the
 * form's values instead, as the accountant reads them — a code, its catalogue name, the fund's
 * label, an amount with or without thousands separators. Full-width digits and spaces are folded.
 */
export function findCells(lines: readonly GridLine[], query: string, catalog: Catalog): FoundCell[] {
  const needle = normalise(query);
  if (needle === "") return [];
  const found: FoundCell[] = [];
  lines.forEach((line, row) => {
    for (const column of GRID_COLUMNS) {
      if (textsOf(line, column, catalog).some((text) => normalise(text).includes(needle))) found.push({ row, column });
    }
  });
  return found;
}

/** The match after (or, backwards, before) the cell `from`, wrapping round; undefined if none. */
export function nextFound(found: readonly FoundCell[], from: FoundCell | undefined, backwards = false): number | undefined {
  if (found.length === 0) return undefined;
  if (!from) return backwards ? found.length - 1 : 0;
  const order = (c: FoundCell) => c.row * GRID_COLUMNS.length + GRID_COLUMNS.indexOf(c.column);
  const at = order(from);
  if (backwards) {
    for (let i = found.length - 1; i >= 0; i--) if (order(found[i]!) < at) return i;
    return found.length - 1;
  }
  const i = found.findIndex((c) => order(c) > at);
  return i === -1 ? 0 : i;
}

function textsOf(line: GridLine, column: GridColumn, catalog: Catalog): string[] {
  const value = String(line[column] ?? "");
  switch (column) {
    case "function":
      return [value, catalog.functions.get(value)?.name ?? ""];
    case "economic":
      return [value, catalog.economics.get(value)?.name ?? ""];
    case "fund":
      return [value, FUND_LABELS[value as keyof typeof FUND_LABELS] ?? ""];
    case "amount":
      return [value];
  }
}

function normalise(text: string): string {
  return foldWidth(text)
    .replace(/[\s,，]/g, "")
    .toLowerCase();
}
