import type { FinalTables } from "@/lib/final/tables/types";
import { finalTableLayouts } from "@/lib/public/layout";
import { chineseNumber, type PdfDocument, type PdfTable } from "./document-pages";
import { renderPdf } from "./render-budget-pdf";

export interface FinalPdfInput {
  tables: FinalTables;
  narrative: string;
  publishedAt: Date;
  sequence: number;
}

/** The PdfDocument of a published 决算: 表一…表九 (财决公开01–09), then the 绩效自评表 of each project. */
export function finalPdfDocument(input: FinalPdfInput): PdfDocument {
  const { tables } = input;
  const year = tables.year;
  let n = 0;
  let evaluated = 0;
  const entries: PdfTable[] = finalTableLayouts(tables).map((grid) => {
    if (grid.id === "F10") {
      const name = tables.F10[evaluated++]?.project.name ?? grid.shortTitle;
      return {
        grid,
        heading: `${year}年度项目支出绩效自评表：${name}`,
        toc: { level: 2, label: `${evaluated}. ${name}`, ...(evaluated === 1 ? { group: `表${chineseNumber(10)}  ${year}年度项目支出绩效自评表` } : {}) },
      };
    }
    const number = chineseNumber(++n);
    return { grid, heading: `表${number} ${grid.shortTitle}`, toc: { level: 1, label: `表${number}  ${grid.shortTitle}` } };
  });
  return {
    unitName: tables.unit.name,
    documentTitle: `${year}年度部门决算`,
    narrative: input.narrative,
    narrativeTitle: `${year}年度部门决算情况说明`,
    tablesHeading: `${year}年度部门决算公开表`,
    tables: entries,
    publishedAt: input.publishedAt,
    ...(input.sequence > 1 ? { versionNote: `第 ${input.sequence} 版，替代此前公开的版本` } : {}),
  };
}

export function renderFinalPdf(input: FinalPdfInput): Promise<Buffer> {
  return renderPdf(finalPdfDocument(input), "部门决算公开");
}
