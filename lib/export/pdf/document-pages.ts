import { CHONGQING_TEMPLATE, fillYear, type DisclosureTemplate } from "@/lib/budget/tables/template";
import type { DisclosureTables } from "@/lib/budget/tables/types";
import { formatPublicationDate } from "@/lib/public/format-date";
import { tableLayouts, type GridTable } from "@/lib/public/layout";
import { narrativePages } from "./narrative-pages";
import { COLORS, CONTENT_WIDTH, newPage, PAGE, textLines, textWidth, type Metrics, type Page, type TextStyle } from "./page";
import { tablePages } from "./table-pages";
import { wrapText } from "./wrap";

/** What the PDF of one published snapshot shows. */
export interface BudgetPdfInput {
  tables: DisclosureTables;
  /** 部门预算情况说明 (Markdown as frozen in the snapshot); empty = tables only. */
  narrative: string;
  publishedAt: Date;
  /** 1 for the first publication, > 1 after each 预算调整. */
  sequence: number;
  template?: DisclosureTemplate;
}

const DIGITS = "零一二三四五六七八九";

/** 1 → 一, 11 → 十一, 23 → 二十三 (table and section numbers). */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? "" : DIGITS[tens]}十${ones ? DIGITS[ones] : ""}`;
}

interface TocEntry {
  level: 0 | 1 | 2;
  label: string;
  /** Index of the target in the content parts (narrative first, then each table). */
  part: number;
}

function coverPage(metrics: Metrics, input: BudgetPdfInput): Page {
  const page = newPage(false);
  const { unit, year } = input.tables;
  let y = PAGE.height * 0.3;
  const block = (text: string, style: TextStyle, gap: number) => {
    const lines = wrapText(text, CONTENT_WIDTH, style.size, metrics(style.font));
    page.ops.push(...textLines(metrics, lines, style, PAGE.left, CONTENT_WIDTH, y, "center"));
    y += lines.length * style.lineHeight + gap;
  };
  block(unit.name, { font: "bold", size: 24, lineHeight: 36 }, 10);
  block(`${year}年部门预算`, { font: "bold", size: 32, lineHeight: 46 }, 0);
  y = PAGE.height * 0.68;
  block(`公开日期：${formatPublicationDate(input.publishedAt)}`, { font: "regular", size: 13, lineHeight: 22 }, 2);
  if (input.sequence > 1)
    block(`预算调整后第 ${input.sequence} 版，替代此前公开的版本`, { font: "regular", size: 11, lineHeight: 18, color: COLORS.muted }, 0);
  return page;
}

const TOC_TITLE: TextStyle = { font: "bold", size: 18, lineHeight: 28 };
const TOC_ENTRY = { size: 11.5, lineHeight: 24 };
const NUMBER_ROOM = 40;

/** The 目录: one line per entry with a dotted leader to its page number. */
function tocPages(metrics: Metrics, entries: readonly TocEntry[], pageOf: (part: number) => number): Page[] {
  const pages: Page[] = [];
  let page = newPage();
  pages.push(page);
  page.ops.push(...textLines(metrics, ["目录"], TOC_TITLE, PAGE.left, CONTENT_WIDTH, PAGE.top, "center"));
  let y = PAGE.top + TOC_TITLE.lineHeight + 14;
  const laid = entries.map((e) => {
    const style: TextStyle = { font: e.level === 0 ? "bold" : "regular", size: TOC_ENTRY.size, lineHeight: TOC_ENTRY.lineHeight };
    const indent = e.level * 2 * TOC_ENTRY.size;
    const lines = wrapText(e.label, CONTENT_WIDTH - indent - NUMBER_ROOM, style.size, metrics(style.font));
    return { entry: e, style, indent, lines, height: lines.length * style.lineHeight };
  });
  laid.forEach((l, i) => {
    // A group heading (二、…公开表) keeps with the first entry under it.
    const keep = l.height + (l.entry.level === 0 && laid[i + 1] && laid[i + 1]!.entry.level > 0 ? laid[i + 1]!.height : 0);
    if (y + keep > PAGE.bottom) {
      page = newPage();
      pages.push(page);
      y = PAGE.top;
    }
    const x = PAGE.left + l.indent;
    const width = CONTENT_WIDTH - l.indent - NUMBER_ROOM;
    page.ops.push(...textLines(metrics, l.lines, l.style, x, width, y));
    const lastTop = y + (l.lines.length - 1) * l.style.lineHeight;
    const number = String(pageOf(l.entry.part));
    const numberOps = textLines(metrics, [number], l.style, PAGE.left, CONTENT_WIDTH, lastTop, "right");
    const lastWidth = textWidth(metrics, l.style.font, l.style.size, l.lines[l.lines.length - 1] ?? "");
    const leaderFrom = x + lastWidth + 6;
    const leaderTo = PAGE.right - textWidth(metrics, l.style.font, l.style.size, number) - 6;
    const baseline = numberOps[0]?.op === "text" ? numberOps[0].baseline : lastTop;
    if (leaderTo > leaderFrom) page.ops.push({ op: "leader", x1: leaderFrom, x2: leaderTo, y: baseline });
    page.ops.push(...numberOps);
    y += l.height;
  });
  return pages;
}

/**
 * Every page of the PDF: a cover, the 目录, the narrative, then each table from a page of its
 * own. The tables are the layouts of lib/public/layout, as on the web page and in the Excel file.
 */
export function documentPages(metrics: Metrics, input: BudgetPdfInput): Page[] {
  const template = input.template ?? CHONGQING_TEMPLATE;
  const { tables } = input;
  const year = tables.year;
  const grids = tableLayouts(tables, template);
  const numberOf = (g: GridTable) => chineseNumber(template.tables.findIndex((t) => t.id === g.id) + 1);

  const parts: Page[][] = [];
  const entries: TocEntry[] = [];
  let section = 0;
  if (input.narrative.trim() !== "") {
    parts.push(narrativePages(metrics, input.narrative, `${year}年部门预算情况说明`));
    entries.push({ level: 0, label: `${chineseNumber(++section)}、${year}年部门预算情况说明`, part: 0 });
  }
  if (grids.length > 0) entries.push({ level: 0, label: `${chineseNumber(++section)}、${year}年部门预算公开表`, part: parts.length });
  let project = 0;
  for (const g of grids) {
    const part = parts.length;
    if (g.id === "T11") {
      const entry = tables.T11?.[project++];
      const name = entry?.project.name || g.shortTitle;
      if (project === 1) entries.push({ level: 1, label: `表${numberOf(g)}  ${fillYear(template.projectTableTitle, year)}`, part });
      entries.push({ level: 2, label: `${project}. ${name}`, part });
      parts.push(tablePages(metrics, g, `表${numberOf(g)}-${project} ${name}`));
    } else {
      entries.push({ level: 1, label: `表${numberOf(g)}  ${g.shortTitle}`, part });
      parts.push(tablePages(metrics, g, `表${numberOf(g)} ${g.shortTitle}`));
    }
  }

  // The 目录's length does not depend on the page numbers it prints, so lay it out once to
  // count its pages, then again with the numbers.
  const tocLength = tocPages(metrics, entries, () => 0).length;
  const firstPageOf: number[] = [];
  let next = 1 + tocLength + 1;
  for (const p of parts) {
    firstPageOf.push(next);
    next += p.length;
  }
  return [coverPage(metrics, input), ...tocPages(metrics, entries, (part) => firstPageOf[part] ?? 0), ...parts.flat()];
}
