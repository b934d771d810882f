import MarkdownIt from "markdown-it";
type Token = ReturnType<InstanceType<typeof MarkdownIt>["parse"]>[number];

/**
 * The narrative is the engine's Markdown with the accountant's text escaped
 * (lib/budget/narrative/escape.ts). The renderer is the second line: html off, linkify off, and
 * no link, image, autolink, reference, code or table rule at all, so even a snapshot frozen
 * before the escaping (or a bug in it) yields no link and no image — only headings, paragraphs,
 * lists and emphasis.
 */
const md = new MarkdownIt("commonmark", { html: false, linkify: false, typographer: false });
md.disable(["link", "image", "autolink", "html_inline", "html_block", "reference", "code", "fence", "backticks", "entity"]);

/** A printed 万元 amount of the narrative text as it reads ("1,918.25"), followed by 万元. */
const NARRATIVE_AMOUNT = /(\d{1,3}(?:,\d{3})*\.\d{2})(?=\s?万元)/g;

/**
 * Wraps each amount of a text token that `links` knows ("1,918.25" before 万元) in a link to its
 * trace. The links are built here, from our own figure keys, never parsed from the text: the
 * parser still makes no link of anything typed.
 */
function linkAmounts(inline: Token, links: Record<string, string>): void {
  const children: Token[] = [];
  for (const c of inline.children ?? []) {
    if (c.type !== "text") {
      children.push(c);
      continue;
    }
    let last = 0;
    const make = (type: string, tag: string, nesting: -1 | 0 | 1) =>
      new (c.constructor as new (t: string, g: string, n: -1 | 0 | 1) => Token)(type, tag, nesting);
    const text = (content: string) => Object.assign(make("text", "", 0), { content });
    for (const m of c.content.matchAll(NARRATIVE_AMOUNT)) {
      const href = links[m[1]!];
      if (!href) continue;
      if (m.index > last) children.push(text(c.content.slice(last, m.index)));
      const open = make("link_open", "a", 1);
      open.attrs = [
        ["href", href],
        ["class", "dz-trace"],
        ["title", "查看该数字的来源明细"],
      ];
      children.push(open, text(m[1]!), make("link_close", "a", -1));
      last = m.index + m[1]!.length;
    }
    if (last === 0) children.push(c);
    else if (last < c.content.length) children.push(text(c.content.slice(last)));
  }
  inline.children = children;
}

/**
 * HTML of the 部门预算情况说明 Markdown; safe to insert as is. `headingOffset` demotes the
 * headings (1: "# 部门名称" becomes h2) so the narrative sits under the hosting page's own h1.
 * `links` (printed amount → trace address, lib/public/narrative-links.ts) links those amounts.
 */
export function renderNarrativeHtml(markdown: string, headingOffset = 0, links?: Record<string, string>): string {
  const tokens = md.parse(markdown, {});
  for (const t of tokens) {
    if (headingOffset > 0 && (t.type === "heading_open" || t.type === "heading_close")) t.tag = `h${Math.min(6, Number(t.tag.slice(1)) + headingOffset)}`;
    if (links && t.type === "inline") linkAmounts(t, links);
  }
  return md.renderer.render(tokens, md.options, {});
}

/** One block of the narrative as plain text, for renderers that draw text themselves (the PDF). */
export type NarrativeBlock =
  { kind: "heading"; level: number; text: string } | { kind: "paragraph"; text: string } | { kind: "list-item"; ordinal: number | null; text: string };

function inlineText(token: Token): string {
  let out = "";
  for (const c of token.children ?? []) {
    if (c.type === "text" || c.type === "code_inline") out += c.content;
    else if (c.type === "softbreak" || c.type === "hardbreak") out += "\n";
  }
  return out;
}

/**
 * The narrative as plain-text blocks, parsed with the same restricted rules as the HTML: the
 * escapes are resolved ("\#" is "#"), emphasis markers dropped, and nothing in the text can be a
 * link. The PDF writes these strings as text, so there is nothing to annotate.
 */
export function narrativeBlocks(markdown: string): NarrativeBlock[] {
  const tokens = md.parse(markdown, {});
  const blocks: NarrativeBlock[] = [];
  const lists: { ordered: boolean; next: number }[] = [];
  let pending: { kind: "heading"; level: number } | { kind: "paragraph" } | { kind: "list-item"; ordinal: number | null } | null = null;
  for (const t of tokens) {
    switch (t.type) {
      case "ordered_list_open":
        lists.push({ ordered: true, next: Number(t.attrGet("start") ?? 1) });
        break;
      case "bullet_list_open":
        lists.push({ ordered: false, next: 0 });
        break;
      case "ordered_list_close":
      case "bullet_list_close":
        lists.pop();
        break;
      case "list_item_open": {
        const list = lists.at(-1);
        pending = { kind: "list-item", ordinal: list?.ordered ? list.next++ : null };
        break;
      }
      case "heading_open":
        pending = { kind: "heading", level: Number(t.tag.slice(1)) };
        break;
      case "paragraph_open":
        if (pending?.kind !== "list-item") pending = { kind: "paragraph" };
        break;
      case "inline": {
        const text = inlineText(t);
        if (pending?.kind === "heading") blocks.push({ kind: "heading", level: pending.level, text });
        else if (pending?.kind === "list-item") blocks.push({ kind: "list-item", ordinal: pending.ordinal, text });
        else blocks.push({ kind: "paragraph", text });
        pending = null;
        break;
      }
    }
  }
  return blocks;
}
