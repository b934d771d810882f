import { ALL_TABLES, CHONGQING_TEMPLATE, fillYear, type DisclosureTemplate } from "@/lib/budget/tables/template";
import type { DisclosureTables, TableId } from "@/lib/budget/tables/types";
import { UNIT_LABEL } from "./cells";
import { t12Layout, t2Layout, t3Layout, t5Layout, t7Layout, t8Layout, type TableBody } from "./function-tables";
import { t10Layout, t11Layout, t11Preface } from "./performance-tables";
import { t1Layout, t6Layout, t9Layout } from "./summary-tables";
import { t4Layout } from "./three-public";
import type { GridTable } from "./types";

export type { CellAddress, GridCell, GridRow, GridTable } from "./types";
export { placeCells, type PlacedCell } from "./place";

type SingleId = Exclude<TableId, "T11">;
const LAYOUTS: Record<SingleId, (t: DisclosureTables) => TableBody | undefined> = {
  T1: t1Layout,
  T2: t2Layout,
  T3: t3Layout,
  T4: t4Layout,
  T5: t5Layout,
  T6: t6Layout,
  T7: t7Layout,
  T8: t8Layout,
  T9: t9Layout,
  T10: t10Layout,
  T12: t12Layout,
};

/**
 * The samples prefix the financial tables (表一…表九) with the department's name; the
 * performance tables carry the department in their own header rows and are titled by year only.
 */
const UNPREFIXED: ReadonlySet<TableId> = new Set(["T10", "T11"]);

function titleOf(tables: DisclosureTables, id: TableId, title: string): { title: string; shortTitle: string } {
  const shortTitle = fillYear(title, tables.year);
  return { shortTitle, title: UNPREFIXED.has(id) ? shortTitle : `${tables.unit.name}${shortTitle}` };
}

/**
 * The grids of the tables `tables` holds, in the template's order (the template only orders and
 * names them: a table missing from the JSON is simply not shown). One GridTable per T11 entry.
 */
export function tableLayouts(tables: DisclosureTables, template: DisclosureTemplate = CHONGQING_TEMPLATE): GridTable[] {
  const out: GridTable[] = [];
  // The JSON holds exactly the tables published; a department's own set (with T12, say) is
  // printed in the standard order even where the caller passes a region template without it.
  const ordered = [...template.tables, ...ALL_TABLES.filter((t) => !template.tables.some((u) => u.id === t.id))];
  const order = new Map(ALL_TABLES.map((t, i) => [t.id, i]));
  ordered.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  for (const { id, title } of ordered) {
    if (id === "T11") {
      (tables.T11 ?? []).forEach((entry, i) => {
        const shown = entry.title || (entry.tier === "program" ? template.programTableTitle : template.projectTableTitle);
        out.push({
          key: `T11-${i + 1}`,
          id,
          ...titleOf(tables, id, shown),
          preface: [t11Preface(entry)],
          unitLabel: UNIT_LABEL,
          ...t11Layout(entry),
        });
      });
      continue;
    }
    const body = LAYOUTS[id](tables);
    if (!body) continue;
    out.push({ key: id, id, ...titleOf(tables, id, title), preface: [], unitLabel: UNIT_LABEL, ...body });
  }
  return out;
}
export { finalTableLayouts, f10Layout } from "./final-tables";
