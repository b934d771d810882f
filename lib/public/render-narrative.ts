import MarkdownIt from "markdown-it";

// html: false — a reason typed as "<script>…" stays text; linkify off — the narrative has no links
// and a typed URL should not become one. markdown-it also refuses javascript: link targets.
const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

/**
 * HTML of the 部门预算情况说明 Markdown; safe to insert as is. `headingOffset` demotes the
 * headings (1: "# 部门名称" becomes h2) so the narrative sits under the hosting page's own h1.
 */
export function renderNarrativeHtml(markdown: string, headingOffset = 0): string {
  const tokens = md.parse(markdown, {});
  if (headingOffset > 0)
    for (const t of tokens)
      if (t.type === "heading_open" || t.type === "heading_close") t.tag = `h${Math.min(6, Number(t.tag.slice(1)) + headingOffset)}`;
  return md.renderer.render(tokens, md.options, {});
}
