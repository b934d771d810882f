import type { DisclosureTemplate } from "@/lib/budget/tables/template";
import type { DisclosureTables } from "@/lib/budget/tables/types";
import { tableLayouts } from "@/lib/public/layout";
import { DisclosureGrid, type TraceHref } from "./DisclosureGrid";
import { DisclosureNarrative } from "./DisclosureNarrative";

export interface DisclosureDocumentProps {
  tables: DisclosureTables;
  /** 部门预算情况说明 in Markdown; omitted = tables only. */
  narrative?: string;
  template?: DisclosureTemplate;
  /** Amounts link to their trace (lib/budget/trace) when given. */
  traceHref?: TraceHref;
  /** Printed narrative amount → its trace (lib/public/narrative-links.ts). */
  narrativeLinks?: Record<string, string>;
}

/**
 * The whole standard disclosure: narrative, then every table in the template's order. In print
 * each table starts on a new page, as in the published samples and the PDF (lib/export/pdf).
 */
export function DisclosureDocument({ tables, narrative, template, traceHref, narrativeLinks }: DisclosureDocumentProps) {
  return (
    <article className="dz-document">
      {narrative ? <DisclosureNarrative markdown={narrative} links={narrativeLinks} /> : null}
      {tableLayouts(tables, template).map((g) => (
        <DisclosureGrid key={g.key} table={g} traceHref={traceHref} />
      ))}
    </article>
  );
}
