import type { SessionUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { enqueueJob } from "@/lib/db/jobs";
import { budgetScope } from "@/lib/db/scope";
import { districtPdfScope } from "@/lib/jobs/district-pdf";
import { MAX_BATCH_BYTES, MAX_BATCH_FILES, mayImportPackages } from "@/lib/jobs/import-packages";
import { fail, type Failure, type Result } from "@/lib/result";

export type StartJobResult = Result<{ jobId: number }, Failure<{ code: "not_found" | "forbidden" | "invalid_input" }>>;

/**
 * Queues the PDFs of every approved or published budget of a district for one year, for a
 * reviewer of that district (a region outside their scope is "not found"). The runner checks the
 * scope again when it runs, as the owner is then.
 */
export async function startDistrictPdf(db: Db, actor: SessionUser, input: { region: string; year: number }): Promise<StartJobResult> {
  const region = await districtPdfScope(db, actor, input.region);
  if (!region) return fail("not_found", "未找到该区划");
  const any = await db.budget.count({
    where: {
      AND: [
        budgetScope(actor, "budget.review"),
        { kind: "budget", year: input.year, department: { regionId: region.id }, status: { in: ["APPROVED", "PUBLISHED"] } },
      ],
    },
  });
  if (any === 0) return fail("invalid_input", `${region.name} ${input.year} 年没有已审核通过或已公开的部门预算`);
  const jobId = await enqueueJob(db, { kind: "district-pdf", ownerId: actor.id, scopeRegionId: region.id, input: { regionId: region.id, year: input.year } });
  return { ok: true, jobId };
}

/**
 * Queues an import of many packages or entry workbooks by an accountant: the files are kept with
 * the job until it runs; each goes into the draft of its own department and year, which the
 * runner finds within the owner's scope.
 */
export async function startImportPackages(db: Db, actor: SessionUser, files: { name: string; body: Uint8Array }[]): Promise<StartJobResult> {
  if (!mayImportPackages(actor)) return fail("forbidden", "您没有导入预算的权限");
  if (files.length === 0) return fail("invalid_input", "请选择要导入的预算包（.json）或录入工作簿（.xlsx）");
  if (files.length > MAX_BATCH_FILES) return fail("invalid_input", `一次最多导入 ${MAX_BATCH_FILES} 个文件（选择了 ${files.length} 个）`);
  if (files.reduce((n, f) => n + f.body.byteLength, 0) > MAX_BATCH_BYTES)
    return fail("invalid_input", `文件合计过大（超过 ${MAX_BATCH_BYTES / 1024 / 1024} MB）`);
  const department = actor.memberships.find((m) => m.role === "ACCOUNTANT" && m.departmentId !== null)?.departmentId ?? undefined;
  const jobId = await enqueueJob(db, {
    kind: "import-packages",
    ownerId: actor.id,
    ...(department ? { scopeDepartmentId: department } : {}),
    input: { files: files.map((f) => f.name) },
    total: files.length,
    files,
  });
  return { ok: true, jobId };
}
