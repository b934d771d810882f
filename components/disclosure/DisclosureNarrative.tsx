import { renderNarrativeHtml } from "@/lib/public/render-narrative";
import "./disclosure.css";

/**
 * 部门预算情况说明 from its Markdown. markdown-it runs with `html: false`, so any HTML typed into
 * a reason comes out as text; the result is therefore safe to insert. Headings are demoted by
 * `headingOffset` (default 1: the narrative's "# 部门名称" is an h2 under the page's h1).
 */
export function DisclosureNarrative({
  markdown,
  headingOffset = 1,
  links,
}: {
  markdown: string;
  headingOffset?: number;
  /** Printed amount → its trace page: those amounts link to their lines (lib/public/narrative-links.ts). */
  links?: Record<string, string> | undefined;
}) {
  return <div className="dz-narrative" dangerouslySetInnerHTML={{ __html: renderNarrativeHtml(markdown, headingOffset, links) }} />;
}
