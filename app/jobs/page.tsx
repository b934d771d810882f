import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { listJobsOf } from "@/lib/db/jobs";
import { JobList } from "@/components/jobs/JobList";

export const metadata: Metadata = { title: "后台任务" };
export const dynamic = "force-dynamic";

/** The user's own background jobs: progress, what was done and what was not, the result to download. */
export default async function JobsPage() {
  const user = await requirePagePermission("budget.read", "/jobs");
  const jobs = await listJobsOf(db(), user.id);
  return (
    <>
      <h1>后台任务</h1>
      <p className="muted">耗时较长的工作（全区 PDF、批量导入）在服务器上进行：可以离开本页，稍后回来查看进度和下载结果。</p>
      <JobList initial={jobs.map((j) => ({ ...j, createdAt: j.createdAt.toISOString(), finishedAt: j.finishedAt?.toISOString() ?? null }))} />
    </>
  );
}
