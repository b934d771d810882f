import PDFDocument from "pdfkit";
import { budgetPdfDocument, pdfDocumentPages, type BudgetPdfInput, type PdfDocument } from "./document-pages";
import { foldRadicals } from "./fold-radicals";
import { pdfFonts, type FontName } from "./fonts";
import { COLORS, PAGE, type Metrics, type Op, type Page } from "./page";

export type { BudgetPdfInput, PdfDocument } from "./document-pages";

// Character widths never change (the fonts are fixed), so they are measured once per process.
const widths: Record<FontName, Map<string, number>> = { regular: new Map(), bold: new Map() };

function metricsOf(doc: PDFKit.PDFDocument): Metrics {
  return (font) => (ch) => {
    let w = widths[font].get(ch);
    if (w === undefined) {
      w = doc.font(font).fontSize(1000).widthOfString(ch) / 1000;
      widths[font].set(ch, w);
    }
    return w;
  };
}

function draw(doc: PDFKit.PDFDocument, op: Op) {
  switch (op.op) {
    case "text":
      if (op.text === "") return;
      doc
        .font(op.font)
        .fontSize(op.size)
        .fillColor(op.color ?? COLORS.text)
        .text(foldRadicals(op.text), op.x, op.baseline, { lineBreak: false, baseline: "alphabetic" });
      return;
    case "rect":
      if (op.fill) doc.rect(op.x, op.y, op.w, op.h).fill(op.fill);
      if (op.stroke) doc.lineWidth(0.5).rect(op.x, op.y, op.w, op.h).stroke(op.stroke);
      return;
    case "leader":
      doc.save().lineWidth(0.8).dash(0.8, { space: 2.4 }).moveTo(op.x1, op.y).lineTo(op.x2, op.y).stroke(COLORS.muted).undash().restore();
      return;
  }
}

/**
 * The PDF of one published budget, drawn with pdfkit in the embedded Noto Sans SC: every
 * string is set from its own characters, so the text layer (copy, search, pdftotext) reads
 * 人员经费, never look-alike radicals. Nothing in it is a link, an action or a script: budget
 * text only ever becomes glyphs.
 */
export function renderBudgetPdf(input: BudgetPdfInput): Promise<Buffer> {
  return renderPdf(budgetPdfDocument(input), "部门预算公开");
}

/** Draws any PdfDocument (a budget's, a 决算's) the same way. */
export function renderPdf(input: PdfDocument, subject: string): Promise<Buffer> {
  const fonts = pdfFonts();
  const doc = new PDFDocument({
    size: "A4",
    layout: "landscape",
    margin: 0,
    autoFirstPage: false,
    compress: true,
    lang: "zh-CN",
    displayTitle: true,
    info: {
      // Every string here has Chinese in it, so pdfkit writes it as UTF-16: no typed ASCII
      // (a URL in a project name, say) appears in the file's bytes outside the compressed text.
      Title: `${input.unitName}${input.documentTitle}`,
      Subject: subject,
      Creator: "明账",
      // The publication time, not the rendering time: the same snapshot gives the same file.
      CreationDate: input.publishedAt,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  // pdfkit takes a parsed fontkit font as well as the file's bytes (its typings say only the latter).
  doc.registerFont("regular", fonts.regular as never);
  doc.registerFont("bold", fonts.bold as never);
  const pages: Page[] = pdfDocumentPages(metricsOf(doc), input);
  pages.forEach((page, i) => {
    doc.addPage({ size: "A4", layout: "landscape", margin: 0 });
    for (const title of page.bookmarks) doc.outline.addItem(title);
    for (const op of page.ops) draw(doc, op);
    if (page.numbered) {
      const label = `${i + 1} / ${pages.length}`;
      doc.font("regular").fontSize(8).fillColor(COLORS.muted);
      const w = doc.widthOfString(label);
      doc.text(label, (PAGE.width - w) / 2, PAGE.footerBaseline, { lineBreak: false, baseline: "alphabetic" });
    }
  });
  doc.end();
  return done;
}
