import { formatDay } from "@/lib/format";
import { CHONGQING_TEMPLATE, fillYear, type DisclosureTemplate } from "@/lib/budget/tables/template";
import type { DisclosureTables } from "@/lib/budget/tables/types";
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

/**
 * What any published document's PDF is drawn from: a cover, the narrative, then a list of table
 * layouts with their 目录 entries. A budget and a 决算 differ only in how they fill it.
 */
export interface PdfDocument {
  unitName: string;
  /** "2024年部门预算", "2020年度部门决算". */
  documentTitle: string;
  narrative: string;
  narrativeTitle: string;
  /** Heading of the tables' 目录 group ("2024年部门预算公开表"). */
  tablesHeading: string;
  tables: PdfTable[];
  publishedAt: Date;
  /** Printed under the date on the cover (a re-published version). */
  versionNote?: string;
}

export interface PdfTable {
  grid: GridTable;
  /** Title over the first page of the table. */
  heading: string;
  /** 目录 line; level 2 lines sit under a level 1 group line given once in `group`. */
  toc: { level: 1 | 2; label: string; group?: string };
}

function coverPage(metrics: Metrics, doc: PdfDocument): Page {
  const page = newPage(false);
  let y = PAGE.height * 0.3;
  const block = (text: string, style: TextStyle, gap: number) => {
    const lines = wrapText(text, CONTENT_WIDTH, style.size, metrics(style.font));
    page.ops.push(...textLines(metrics, lines, style, PAGE.left, CONTENT_WIDTH, y, "center"));
    y += lines.length * style.lineHeight + gap;
  };
  block(doc.unitName, { font: "bold", size: 24, lineHeight: 36 }, 10);
  block(doc.documentTitle, { font: "bold", size: 32, lineHeight: 46 }, 0);
  y = PAGE.height * 0.68;
  block(`公开日期：${formatDay(doc.publishedAt)}`, { font: "regular", size: 13, lineHeight: 22 }, 2);
  if (doc.versionNote) block(doc.versionNote, { font: "regular", size: 11, lineHeight: 18, color: COLORS.muted }, 0);
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

/** The PdfDocument of a published budget: 表一…表十二 numbered by the template, one 表十一 per project. */
export function budgetPdfDocument(input: BudgetPdfInput): PdfDocument {
  const template = input.template ?? CHONGQING_TEMPLATE;
  const { tables } = input;
  const year = tables.year;
  const numberOf = (g: GridTable) => chineseNumber(template.tables.findIndex((t) => t.id === g.id) + 1);
  let project = 0;
  const entries: PdfTable[] = tableLayouts(tables, template).map((g) => {
    if (g.id === "T11") {
      const entry = tables.T11?.[project++];
      const name = entry?.project.name || g.shortTitle;
      return {
        grid: g,
        heading: `表${numberOf(g)}-${project} ${name}`,
        toc: { level: 2, label: `${project}. ${name}`, ...(project === 1 ? { group: `表${numberOf(g)}  ${fillYear(template.projectTableTitle, year)}` } : {}) },
      };
    }
    return { grid: g, heading: `表${numberOf(g)} ${g.shortTitle}`, toc: { level: 1, label: `表${numberOf(g)}  ${g.shortTitle}` } };
  });
  return {
    unitName: tables.unit.name,
    documentTitle: `${year}年部门预算`,
    narrative: input.narrative,
    narrativeTitle: `${year}年部门预算情况说明`,
    tablesHeading: `${year}年部门预算公开表`,
    tables: entries,
    publishedAt: input.publishedAt,
    ...(input.sequence > 1 ? { versionNote: `预算调整后第 ${input.sequence} 版，替代此前公开的版本` } : {}),
  };
}

/** Every page of a published budget's PDF. */
export function documentPages(metrics: Metrics, input: BudgetPdfInput): Page[] {
  return pdfDocumentPages(metrics, budgetPdfDocument(input));
}

/**
 * Every page of the PDF: a cover, the 目录, the narrative, then each table from a page of its
 * own. The tables are the layouts of lib/public/layout, as on the web page and in the Excel file.
 */
export function pdfDocumentPages(metrics: Metrics, doc: PdfDocument): Page[] {
  const parts: Page[][] = [];
  const entries: TocEntry[] = [];
  let section = 0;
  if (doc.narrative.trim() !== "") {
    parts.push(narrativePages(metrics, doc.narrative, doc.narrativeTitle));
    entries.push({ level: 0, label: `${chineseNumber(++section)}、${doc.narrativeTitle}`, part: 0 });
  }
  if (doc.tables.length > 0) entries.push({ level: 0, label: `${chineseNumber(++section)}、${doc.tablesHeading}`, part: parts.length });
  for (const t of doc.tables) {
    const part = parts.length;
    if (t.toc.group) entries.push({ level: 1, label: t.toc.group, part });
    entries.push({ level: t.toc.level, label: t.toc.label, part });
    parts.push(tablePages(metrics, t.grid, t.heading));
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
  return [coverPage(metrics, doc), ...tocPages(metrics, entries, (part) => firstPageOf[part] ?? 0), ...parts.flat()];
}
