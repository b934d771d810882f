import { narrativeBlocks as parseNarrative } from "@/lib/public/render-narrative";
import { COLORS, CONTENT_WIDTH, newPage, PAGE, textLines, type Metrics, type Page, type TextStyle } from "./page";
import { wrapText } from "./wrap";

/**
 * 部门预算情况说明 as pages, styled like the web page's narrative: the department and the title
 * centred, section headings, paragraphs with a two-character indent. A heading is never the
 * last thing on a page: it moves to the next page with the first two lines of what follows it;
 * a paragraph leaves neither a single first line at a page's foot nor a single last line at
 * the top of the next page.
 */
const HEADINGS: Record<1 | 2 | 3 | 4, TextStyle & { before: number; after: number; align: "left" | "center" }> = {
  1: { font: "bold", size: 18, lineHeight: 26, before: 0, after: 4, align: "center" },
  2: { font: "bold", size: 15, lineHeight: 22, before: 4, after: 10, align: "center" },
  3: { font: "bold", size: 12.5, lineHeight: 20, before: 10, after: 4, align: "left" },
  4: { font: "bold", size: 11.5, lineHeight: 19, before: 6, after: 2, align: "left" },
};
type NarrativeBlock = { kind: "heading"; level: 1 | 2 | 3 | 4; text: string } | { kind: "paragraph"; text: string };

/**
 * The narrative as the web page parses it (one parser: escapes resolved, no links), with each
 * line of a paragraph or list item drawn as a paragraph of its own, as the generator wrote it.
 */
function narrativeBlocks(markdown: string): NarrativeBlock[] {
  return parseNarrative(markdown).flatMap((b): NarrativeBlock[] => {
    if (b.kind === "heading") return [{ kind: "heading", level: Math.min(4, Math.max(1, b.level)) as 1 | 2 | 3 | 4, text: b.text }];
    const prefix = b.kind === "list-item" && b.ordinal !== null ? `${b.ordinal}. ` : "";
    return b.text
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line, i) => ({ kind: "paragraph", text: `${i === 0 ? prefix : ""}${line.trim()}` }));
  });
}

const BODY: TextStyle = { font: "regular", size: 11, lineHeight: 20, color: COLORS.text };
const PARAGRAPH_GAP = 3;

interface Laid {
  block: NarrativeBlock;
  lines: string[];
  style: TextStyle & { before: number; after: number; align: "left" | "center" };
}

function lay(metrics: Metrics, block: NarrativeBlock): Laid {
  if (block.kind === "heading") {
    const style = HEADINGS[block.level];
    return { block, style, lines: wrapText(block.text, CONTENT_WIDTH, style.size, metrics(style.font)) };
  }
  const style = { ...BODY, before: 0, after: PARAGRAPH_GAP, align: "left" as const };
  return { block, style, lines: wrapText(block.text, CONTENT_WIDTH, BODY.size, metrics(BODY.font), 2 * BODY.size) };
}

export function narrativePages(metrics: Metrics, markdown: string, bookmark: string): Page[] {
  const laid = narrativeBlocks(markdown).map((b) => lay(metrics, b));
  const pages: Page[] = [];
  let page = newPage();
  page.bookmarks.push(bookmark);
  pages.push(page);
  let y = PAGE.top;
  const atTop = () => page.ops.length === 0 || y === PAGE.top;
  const next = () => {
    page = newPage();
    pages.push(page);
    y = PAGE.top;
  };
  /** Height that must fit below a heading for it to stay on this page: the chain of headings after it and two lines. */
  const keepHeight = (i: number): number => {
    const l = laid[i];
    if (!l) return 0;
    const own = l.style.before + l.lines.length * l.style.lineHeight + l.style.after;
    if (l.block.kind === "heading") return own + keepHeight(i + 1);
    return l.style.before + Math.min(2, l.lines.length) * l.style.lineHeight;
  };

  laid.forEach((l, i) => {
    if (l.block.kind === "heading") {
      if (!atTop() && y + keepHeight(i) > PAGE.bottom) next();
      if (!atTop()) y += l.style.before;
      page.ops.push(...textLines(metrics, l.lines, l.style, PAGE.left, CONTENT_WIDTH, y, l.style.align));
      y += l.lines.length * l.style.lineHeight + l.style.after;
      return;
    }
    let lines = l.lines;
    let first = true;
    while (lines.length > 0) {
      let fit = Math.floor((PAGE.bottom - y + 0.01) / l.style.lineHeight);
      if (fit < lines.length) {
        // No lone first line at the foot, no lone last line at the head of the next page.
        if (first && fit === 1 && lines.length > 1) fit = 0;
        if (lines.length - fit === 1 && fit > 1) fit--;
      }
      if (fit <= 0 && !atTop()) {
        next();
        continue;
      }
      const take = Math.max(1, Math.min(fit, lines.length));
      page.ops.push(
        ...textLines(metrics, lines.slice(0, take), l.style, PAGE.left, CONTENT_WIDTH, y).map((op, k) =>
          // The paragraph's first line is indented by two characters.
          first && k === 0 && op.op === "text" ? { ...op, x: op.x + 2 * BODY.size } : op,
        ),
      );
      y += take * l.style.lineHeight;
      lines = lines.slice(take);
      first = false;
      if (lines.length > 0) next();
    }
    y += l.style.after;
  });
  return pages;
}
