import PDFDocument from "pdfkit";
import type { ReplyTotals } from "@/lib/budget/reply-totals";
import { formatWanDisplay } from "@/lib/format";
import { parseWan } from "@/lib/budget/money";
import { foldRadicals } from "./fold-radicals";
import { pdfFonts } from "./fonts";

export interface ReplyPdfInput {
  regionName: string;
  departmentName: string;
  year: number;
  totals: ReplyTotals;
  issuedAt: Date;
}

const wan = (s: string) => `${formatWanDisplay(parseWan(s))} 万元`;

/** 2026年12月8日, the day in China Standard Time. */
function chineseDate(d: Date): string {
  const cst = new Date(d.getTime() + 8 * 3_600_000);
  return `${cst.getUTCFullYear()}年${cst.getUTCMonth() + 1}月${cst.getUTCDate()}日`;
}

/** The 批复's paragraphs in the standard wording, each a line of text. */
export function replyParagraphs(input: ReplyPdfInput): { title: string; body: string[]; signature: string[] } {
  const t = input.totals;
  const byFund = t.byFund.map((f) => `${f.label} ${wan(f.total)}（基本支出 ${wan(f.basic)}，项目支出 ${wan(f.project)}）`);
  return {
    title: `关于批复${input.departmentName}${input.year}年部门预算的通知`,
    body: [
      `${input.departmentName}：`,
      `你部门报送的${input.year}年部门预算收悉。经审核，现将你部门${input.year}年部门预算批复如下：`,
      `一、支出预算合计 ${wan(t.total)}，其中：基本支出 ${wan(t.basic)}，项目支出 ${wan(t.project)}。`,
      `二、按资金来源分：${byFund.join("；")}。`,
      `三、请严格按照批复的预算组织执行，不得擅自调整；确需调整的，按规定程序报批。`,
      `四、请自本批复下达之日起二十日内，按照《中华人民共和国预算法》第十四条的规定向社会公开部门预算。`,
    ],
    signature: [`${input.regionName}财政局`, chineseDate(input.issuedAt)],
  };
}

/** The 批复 as a one-page A4 PDF in the embedded Noto Sans SC (text layer readable). */
export function renderReplyPdf(input: ReplyPdfInput): Promise<Buffer> {
  const fonts = pdfFonts();
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 72, bottom: 72, left: 80, right: 80 },
    compress: true,
    lang: "zh-CN",
    info: { Title: `${input.departmentName}${input.year}年部门预算批复`, Subject: "部门预算批复", Creator: "明账", CreationDate: input.issuedAt },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.registerFont("regular", fonts.regular as never);
  doc.registerFont("bold", fonts.bold as never);
  const p = replyParagraphs(input);
  doc.font("bold").fontSize(18).text(foldRadicals(p.title), { align: "center" });
  doc.moveDown(1.5);
  doc.font("regular").fontSize(12);
  p.body.forEach((line, i) => {
    doc.text(foldRadicals(line), { indent: i === 0 ? 0 : 24, lineGap: 6 });
    doc.moveDown(0.5);
  });
  doc.moveDown(2);
  for (const line of p.signature) doc.text(foldRadicals(line), { align: "right" });
  doc.end();
  return done;
}
