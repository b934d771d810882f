import type { DisclosureTables } from "@/lib/budget/tables/types";
import type { GridTable } from "@/lib/public/layout/types";
import type { CommentSection } from "./comment-anchors";

export type AnchorChoice = { value: string; label: string };
type TableSection = Extract<CommentSection, `T${number}`>;

/**
 * The rows of T1–T10 a comment can point at, from the same grids the reviewer reads: a row is
 * named by its subject code when it has one (what comment-anchors.ts stores), else by its first
 * text. T11 rows are projects, named by code and shown by name, since the code tells a reader
 * nothing.
 */
export function tableRowAnchors(grids: readonly GridTable[], tables: Pick<DisclosureTables, "T11">): Partial<Record<TableSection, AnchorChoice[]>> {
  const out: Partial<Record<TableSection, AnchorChoice[]>> = {};
  for (const grid of grids) {
    if (grid.id === "T11") continue;
    const choices = (out[grid.id as TableSection] ??= []);
    for (const row of grid.body) {
      const texts = row.cells.flatMap((c) => (c.kind === "amount" || c.kind === "head" ? [] : [c.text.trim()])).filter((t) => t !== "");
      const code = row.cells.find((c) => c.kind === "code")?.text.trim();
      const value = (code || texts[0])?.slice(0, 200);
      if (!value || choices.some((c) => c.value === value)) continue;
      choices.push({ value, label: code ? texts.slice(0, 2).join(" ") : value });
    }
  }
  out.T11 = (tables.T11 ?? []).map((p) => ({ value: p.project.code, label: `${p.project.name}（${p.project.code}）` }));
  return out;
}
