import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/permissions";
import { budgetToPackage } from "@/lib/budget/package/from-budget";
import { loadBudgetById } from "@/lib/db/budgets/export-package";
import { loadCatalog } from "@/lib/db/catalog-store";
import { claimNextJob, enqueueJob, jobOf, jobResultOf, listJobsOf, MAX_ATTEMPTS, recoverStaleJobs } from "@/lib/db/jobs";
import { seedDemo } from "@/lib/db/seed-demo";
import { JOB_HANDLERS } from "@/lib/jobs/handlers";
import { JobRefused, JobRunner, type JobHandler } from "@/lib/jobs/runner";
import type { JobKind } from "@/lib/jobs/types";
import { approveBudget } from "@/lib/workflow/approve-budget";
import { startDistrictPdf, startImportPackages } from "@/lib/workflow/start-job";
import { writeEntryWorkbook } from "@/lib/workbook/write-entry-workbook";
import { freshDatabase, type TestDatabase } from "../helpers/database";
import { budgetIdOf, sessionUser } from "../helpers/users";

let t: TestDatabase;
let reviewer: SessionUser;
let accountant: SessionUser;
beforeAll(async () => {
  t = await freshDatabase();
  await seedDemo(t.db, () => undefined);
  reviewer = await sessionUser(t.db, "reviewer.500109");
  accountant = await sessionUser(t.db, "accountant.134");
});
afterAll(async () => t.drop());

const queue = (n: number) => Promise.all(Array.from({ length: n }, () => enqueueJob(t.db, { kind: "import-packages", ownerId: accountant.id, input: {} })));
const clearQueue = () => t.db.job.deleteMany({});

describe("the job queue", () => {
  it("gives a job to one runner only: a second runner skips the row the first holds and takes the next, without waiting", async () => {
    await clearQueue();
    const first = await enqueueJob(t.db, { kind: "import-packages", ownerId: accountant.id, input: {} });
    const second = await enqueueJob(t.db, { kind: "import-packages", ownerId: accountant.id, input: {} });
    // Runner A claims inside a transaction it keeps open, so its row lock is held.
    let releaseA!: () => void;
    const held = new Promise<void>((resolve) => (releaseA = resolve));
    let claimedByA: number | undefined;
    let aHolds!: () => void;
    const aHolding = new Promise<void>((resolve) => (aHolds = resolve));
    const a = t.db.$transaction(
      async (tx) => {
        claimedByA = (await claimNextJob(tx, "runner-a"))?.id;
        aHolds();
        await held;
      },
      { timeout: 30_000 },
    );
    await aHolding;
    const claimedByB = (await claimNextJob(t.db, "runner-b"))?.id;
    releaseA();
    await a;
    expect(claimedByA).toBe(first);
    expect(claimedByB).toBe(second);
    expect(await claimNextJob(t.db, "runner-c")).toBeNull();
  });

  it("hands each of many jobs to exactly one of two runners claiming at once", async () => {
    await clearQueue();
    const ids = await queue(12);
    const claims = async (worker: string) => {
      const got: number[] = [];
      for (let job = await claimNextJob(t.db, worker); job; job = await claimNextJob(t.db, worker)) got.push(job.id);
      return got;
    };
    const [a, b] = await Promise.all([claims("a"), claims("b")]);
    expect([...a, ...b].sort((x, y) => x - y)).toEqual([...ids].sort((x, y) => x - y));
    expect(new Set([...a, ...b]).size).toBe(ids.length);
  });

  it("puts a stopped process's job back in the queue, and fails it after the last attempt", async () => {
    await clearQueue();
    const [id] = await queue(1);
    expect((await claimNextJob(t.db, "dead"))?.id).toBe(id);
    const later = new Date(Date.now() + 10 * 60_000);
    // A fresh heartbeat is not stale: nothing is taken back.
    expect(await recoverStaleJobs(t.db, new Date(), 60_000)).toBe(0);
    expect(await recoverStaleJobs(t.db, later, 60_000)).toBe(1);
    expect((await jobOf(t.db, accountant.id, id!))?.status).toBe("queued");
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      expect((await claimNextJob(t.db, "dead"))?.attempts).toBe(attempt);
      await recoverStaleJobs(t.db, later, 60_000);
    }
    const job = (await jobOf(t.db, accountant.id, id!))!;
    expect(job.status).toBe("failed");
    expect(job.error).toContain("多次中断");
  });

  it("shows a user only their own jobs and results", async () => {
    await clearQueue();
    await queue(1);
    expect(await listJobsOf(t.db, accountant.id)).toHaveLength(1);
    expect(await listJobsOf(t.db, reviewer.id)).toHaveLength(0);
    const [id] = await t.db.job.findMany({ select: { id: true } });
    expect(await jobOf(t.db, reviewer.id, id!.id)).toBeNull();
  });
});

const handlers = (over: Partial<Record<JobKind, JobHandler>>) => ({ ...JOB_HANDLERS, ...over });

describe("the runner", () => {
  it("records progress item by item, and on a failure what was done and what was not", async () => {
    await clearQueue();
    const failing: JobHandler = async (ctx) => {
      await ctx.setTotal(3);
      await ctx.item({ item: "一", ok: true, message: "完成" });
      throw new Error("磁盘已满");
    };
    const runner = new JobRunner(t.db, handlers({ "import-packages": failing }), { worker: "w" });
    const [id] = await queue(1);
    expect(await runner.runOnce()).toBe(true);
    const job = (await jobOf(t.db, accountant.id, id!))!;
    expect(job.status).toBe("failed");
    expect(job.items).toEqual([{ item: "一", ok: true, message: "完成" }]);
    expect(job.error).toBe("任务执行出错，已停止；已完成 1 项，其余 2 项未处理");
    expect(await runner.runOnce()).toBe(false);
  });

  it("says why a job was refused at run time, e.g. its owner lost the right", async () => {
    await clearQueue();
    const refusing: JobHandler = async () => {
      throw new JobRefused("您已没有导入预算的权限，任务未执行");
    };
    const [id] = await queue(1);
    await new JobRunner(t.db, handlers({ "import-packages": refusing }), { worker: "w" }).runOnce();
    expect((await jobOf(t.db, accountant.id, id!))!.error).toBe("您已没有导入预算的权限，任务未执行");
  });

  it("does not write to a job taken back from it after a restart, and a new runner runs it again", async () => {
    await clearQueue();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const slow: JobHandler = async (ctx) => {
      await ctx.setTotal(1);
      started();
      await gate;
      await ctx.item({ item: "旧进程", ok: true, message: "完成" });
      return { message: "旧进程完成" };
    };
    const [id] = await queue(1);
    const old = new JobRunner(t.db, handlers({ "import-packages": slow }), { worker: "old" }).runOnce();
    await running;
    // The old process is considered gone: its job goes back to the queue and a new runner finishes it.
    expect(await recoverStaleJobs(t.db, new Date(Date.now() + 10 * 60_000), 60_000)).toBe(1);
    const quick: JobHandler = async (ctx) => {
      await ctx.setTotal(1);
      await ctx.item({ item: "新进程", ok: true, message: "完成" });
      return { message: "新进程完成" };
    };
    expect(await new JobRunner(t.db, handlers({ "import-packages": quick }), { worker: "new" }).runOnce()).toBe(true);
    release();
    await old;
    const job = (await jobOf(t.db, accountant.id, id!))!;
    expect(job.status).toBe("done");
    expect(job.message).toBe("新进程完成");
    expect(job.items.map((i) => i.item)).toEqual(["新进程"]);
  });
});

describe("the jobs of issue 19", () => {
  it("makes a ZIP of the district's approved and published budgets' PDFs for its reviewer only", async () => {
    await clearQueue();
    const id111 = await budgetIdOf(t.db, "111", 2024);
    const { version } = await t.db.budget.findUniqueOrThrow({ where: { id: id111 } });
    expect((await approveBudget(t.db, reviewer, { budgetId: id111, expectedVersion: version })).ok).toBe(true);
    expect(await startDistrictPdf(t.db, accountant, { region: "500109", year: 2024 })).toMatchObject({ ok: false, code: "not_found" });
    expect(await startDistrictPdf(t.db, reviewer, { region: "500109", year: 2019 })).toMatchObject({
      ok: false,
      message: "重庆市北碚区 2019 年没有已审核通过或已公开的部门预算",
    });
    const started = await startDistrictPdf(t.db, reviewer, { region: "500109", year: 2024 });
    if (!started.ok) throw new Error(started.message);
    await new JobRunner(t.db, JOB_HANDLERS, { worker: "w" }).runOnce();
    const job = (await jobOf(t.db, reviewer.id, started.jobId))!;
    expect(job.status).toBe("done");
    expect([job.done, job.total]).toEqual([2, 2]);
    expect(await jobResultOf(t.db, accountant.id, started.jobId)).toBeNull();
    const zip = unzipSync((await jobResultOf(t.db, reviewer.id, started.jobId))!.body);
    const names = Object.keys(zip).sort();
    expect(names).toHaveLength(2);
    expect(names[0]).toMatch(/^104-.+-2024年部门预算（公开版）\.pdf$/);
    expect(names[1]).toMatch(/^111-.+-2024年部门预算（审核通过未公开）\.pdf$/);
    for (const name of names) expect(Buffer.from(zip[name]!.subarray(0, 5)).toString()).toBe("%PDF-");
  });

  it("imports many files, each into its own draft: a file with a problem names it and changes nothing, the other is applied", async () => {
    await clearQueue();
    const draftId = await budgetIdOf(t.db, "134", 2023);
    const before = await t.db.budget.findUniqueOrThrow({ where: { id: draftId } });
    const budget = (await loadBudgetById(t.db, draftId, {}))!;
    const pkg = budgetToPackage(budget, { unit: "元" });
    const good = await writeEntryWorkbook(pkg, { stamp: { budgetId: draftId, version: before.version }, catalog: (await loadCatalog(t.db, 2023))! });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(good as unknown as ArrayBuffer);
    wb.getWorksheet("基本支出")!.getCell("E2").value = 123456.78;
    const changed = new Uint8Array(await wb.xlsx.writeBuffer());
    const bad = JSON.stringify({ ...pkg, year: "二〇二三" });
    const started = await startImportPackages(t.db, accountant, [
      { name: "坏的预算包.json", body: new TextEncoder().encode(bad) },
      { name: "录入工作簿.xlsx", body: changed },
    ]);
    if (!started.ok) throw new Error(started.message);
    await new JobRunner(t.db, JOB_HANDLERS, { worker: "w" }).runOnce();
    const job = (await jobOf(t.db, accountant.id, started.jobId))!;
    expect(job.status).toBe("done");
    expect(job.items.map((i) => [i.item, i.ok])).toEqual([
      ["坏的预算包.json", false],
      ["录入工作簿.xlsx", true],
    ]);
    expect(job.items[0]!.errors?.[0]?.where).toBe("year");
    expect(job.items[0]!.message).toBe("未导入，预算未作任何修改（共 1 处问题）：");
    const after = await t.db.budget.findUniqueOrThrow({ where: { id: draftId } });
    expect(after.version).toBe(before.version + 1);
    expect(await t.db.jobFile.count({ where: { jobId: started.jobId } })).toBe(0);
  });
});
