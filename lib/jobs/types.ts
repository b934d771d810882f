/**
 * The kinds of long work a user can start and leave running (issue 19 §2), and what a job tells
 * about each item it worked on. Pure: shared by the runner, the data layer and the jobs page.
 */
export const JOB_KINDS = ["district-pdf", "import-packages"] as const;
export type JobKind = (typeof JOB_KINDS)[number];

export const JOB_LABELS: Record<JobKind, string> = {
  "district-pdf": "全区预算 PDF",
  "import-packages": "批量导入预算包/录入工作簿",
};

/** One item of a job (a department's PDF, an uploaded file): done or not, and why not. */
export interface JobItem {
  item: string;
  ok: boolean;
  message: string;
  /** Each problem where it is: a workbook cell (`基本支出!E17`) or a package field. */
  errors?: { where: string; message: string }[];
}

export type JobStatus = "queued" | "running" | "done" | "failed";

export const JOB_STATUS_LABELS: Record<JobStatus, string> = { queued: "排队中", running: "进行中", done: "已完成", failed: "失败" };

/** The bar's value: whole percent, 0 before the total is known. */
export function jobPercent(done: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(100, Math.floor((Math.max(0, done) / total) * 100));
}

/** The one-line outcome of a job: how many items were done and how many were not. */
export function jobSummary(items: readonly JobItem[], what: string): string {
  const ok = items.filter((i) => i.ok).length;
  const notOk = items.length - ok;
  if (items.length === 0) return `没有${what}`;
  return notOk === 0 ? `${ok} 个${what}全部完成` : `${ok} 个${what}已完成，${notOk} 个未完成（原因见下）`;
}

/** A job still worth polling for. */
export const jobActive = (status: JobStatus): boolean => status === "queued" || status === "running";

/** What a user sees of one of their jobs (the result file itself is read only on download); dates as `D`. */
export interface JobView<D = Date> {
  id: number;
  kind: JobKind;
  status: JobStatus;
  done: number;
  total: number;
  message: string;
  items: JobItem[];
  error: string | null;
  resultName: string | null;
  createdAt: D;
  finishedAt: D | null;
}
