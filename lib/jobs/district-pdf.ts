import { zipSync } from "fflate";
import { z } from "zod";
import { hasPermission, type SessionUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { budgetDisclosure } from "@/lib/db/queries/budget-disclosure";
import { readSnapshotForPdf } from "@/lib/db/queries/snapshot-pdf";
import { budgetScope } from "@/lib/db/scope";
import { snapshotPdf } from "@/lib/public/snapshot-pdf";
import { JobRefused, type JobHandler } from "./runner";
import { districtPdfEntryName } from "./zip-names";

export const districtPdfInput = z.object({ regionId: z.number().int().positive(), year: z.number().int().min(2000).max(2100) });
export type DistrictPdfInput = z.infer<typeof districtPdfInput>;

/** The region a reviewer may start the district's PDFs for, or null (then: not found, as for any region outside their scope). */
export async function districtPdfScope(db: Db, user: SessionUser, regionCode: string): Promise<{ id: number; code: string; name: string } | null> {
  if (!hasPermission(user, "budget.review")) return null;
  const regionIds = user.memberships.filter((m) => m.role === "REVIEWER" && m.regionId !== null).map((m) => m.regionId!);
  return db.region.findFirst({ where: { code: regionCode, id: { in: regionIds } }, select: { id: true, code: true, name: true } });
}

/**
 * Every approved or published budget of a district for one year, as a ZIP of one PDF per
 * department. A ZIP rather than one merged PDF: a published budget's PDF is stored as the public
 * downloaded it (SnapshotPdf) and goes in as is, byte for byte, where merging would mean
 * re-rendering every department (pdfkit cannot import pages) and a file of hundreds of pages
 * the reviewer still has to split to send back. The published PDF is the frozen one; an
 * approved budget not yet published is rendered from its figures as publishing would.
 */
export const districtPdfJob: JobHandler = async (ctx) => {
  const input = districtPdfInput.safeParse(ctx.input);
  if (!input.success) throw new JobRefused("任务参数无效");
  const { regionId, year } = input.data;
  // The owner's rights now, not when the job was queued: a reviewer moved off the region gets nothing.
  const region = await ctx.db.region.findUnique({ where: { id: regionId }, select: { id: true, code: true, name: true } });
  const inScope = region && hasPermission(ctx.owner, "budget.review") && ctx.owner.memberships.some((m) => m.role === "REVIEWER" && m.regionId === regionId);
  if (!region || !inScope) throw new JobRefused("未找到该区划，或您已无权审核该区划的预算");
  const scope = budgetScope(ctx.owner, "budget.review");
  const budgets = await ctx.db.budget.findMany({
    where: { AND: [scope, { kind: "budget", year, department: { regionId }, status: { in: ["APPROVED", "PUBLISHED"] } }] },
    orderBy: { department: { code: "asc" } },
    select: {
      id: true,
      status: true,
      department: { select: { code: true, name: true } },
      snapshots: { where: { supersededAt: null }, select: { id: true }, take: 1 },
    },
  });
  if (budgets.length === 0) throw new JobRefused(`${region.name} ${year} 年没有已审核通过或已公开的部门预算`);
  await ctx.setTotal(budgets.length);
  const files: Record<string, Uint8Array> = {};
  for (const b of budgets) {
    const label = `${b.department.code} ${b.department.name}`;
    try {
      const snapshot = b.snapshots[0] ? await readSnapshotForPdf(ctx.db, b.snapshots[0].id) : null;
      let body: Buffer;
      if (snapshot) body = await snapshotPdf(ctx.db, snapshot);
      else {
        const disclosure = await budgetDisclosure(ctx.db, ctx.owner, b.id);
        if (!disclosure) throw new Error("未找到该预算");
        const { renderBudgetPdf } = await import("@/lib/export/pdf/render-budget-pdf");
        body = await renderBudgetPdf({ tables: disclosure.tables, narrative: disclosure.narrative, publishedAt: new Date(), sequence: 1 });
      }
      files[districtPdfEntryName(b.department, year, snapshot ? "公开版" : "审核通过未公开")] = new Uint8Array(body);
      await ctx.item({ item: label, ok: true, message: snapshot ? "已加入（公开版 PDF）" : "已加入（审核通过、尚未公开，按当前数据生成）" });
    } catch (error) {
      await ctx.item({ item: label, ok: false, message: `未生成：${error instanceof Error ? error.message : String(error)}` });
    }
  }
  const made = Object.keys(files).length;
  if (made === 0) throw new JobRefused("没有一个部门的 PDF 生成成功，未生成压缩包");
  // PDFs are compressed already: stored as they are (level 0) the ZIP is made at once.
  const zip = zipSync(files, { level: 0 });
  return {
    message: made === budgets.length ? `已生成 ${made} 个部门的 PDF` : `已生成 ${made} 个部门的 PDF，${budgets.length - made} 个未生成（见下）`,
    result: { name: `${region.code}-${year}-部门预算PDF.zip`, type: "application/zip", body: zip },
  };
};
