import type { DisclosureTemplate } from "@/lib/budget/tables/template";
import type { DisclosureTables, TableId } from "@/lib/budget/tables/types";
import { tableLayouts } from "@/lib/public/layout";
import { DisclosureGrid } from "./DisclosureGrid";

export interface DisclosureTableProps {
  tables: DisclosureTables;
  /** "T2"; "T11" renders every 项目支出绩效目标表. */
  id: TableId;
  template?: DisclosureTemplate;
  headingLevel?: 2 | 3;
}

/** One standard table (or all T11 entries) of a DisclosureTables JSON; nothing when absent. */
export function DisclosureTable({ tables, id, template, headingLevel }: DisclosureTableProps) {
  const grids = tableLayouts(tables, template).filter((g) => g.id === id);
  return (
    <>
      {grids.map((g) => (
        <DisclosureGrid key={g.key} table={g} {...(headingLevel ? { headingLevel } : {})} />
      ))}
    </>
  );
}
