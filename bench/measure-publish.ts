/**
 * `publish_100_failures`: the last day of the 20-day deadline, when a district's reviewers publish
 * its approved budgets at once. 100 approved budgets are published through publishBudget — what
 * the 公开 button's server action runs: permission, engine check, status change, snapshot frozen
 * in one transaction, then the PDF rendered and stored — by 20 reviewers at once (each publishing
 * one after the other), on one Prisma client with the app server's pool. A publication that
 * returns an error or throws is a failure; so is a budget left unpublished or without its PDF.
 */
import pg from "pg";
import { createDb } from "@/lib/db/connect";
import { publishBudget } from "@/lib/workflow/publish-budget";
import { createReviewer } from "./bench-users";
import { nowMs, round, summarize, type Summary } from "./stats";

export interface PublishMeasure {
  budgets: number;
  reviewers: number;
  failures: number;
  /** The first few failures' messages. */
  messages: string[];
  /** Wall time of the whole batch, s. */
  seconds: number;
  /** Per publication, ms. */
  each: Summary;
  published: number;
  withPdf: number;
}

/** The budgets of `units` of `regionCode` in `year` are set to 审核通过 (as review would leave them), then published. */
export async function measurePublish100(url: string, regionCode: string, units: readonly string[], year: number, reviewers = 20): Promise<PublishMeasure> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const db = createDb(url);
  try {
    const { rows } = await client.query<{ id: number; version: number }>(
      `update "Budget" b set status = 'APPROVED', "approvedAt" = now(), version = b.version + 1
         from "Department" d join "Region" r on r.id = d."regionId"
        where d.id = b."departmentId" and r.code = $1 and d.code = any($3::text[]) and b.year = $2 and b.kind = 'budget' and b.status <> 'PUBLISHED'
        returning b.id, b.version`,
      [regionCode, year, units],
    );
    const region = (await client.query<{ id: number }>(`select id from "Region" where code = $1`, [regionCode])).rows[0]!;
    const reviewer = await createReviewer(db, region.id, `${regionCode}.publish`);
    const queue = [...rows];
    const samples: number[] = [];
    const messages: string[] = [];
    let failures = 0;
    const t0 = nowMs();
    await Promise.all(
      Array.from({ length: reviewers }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          const t = nowMs();
          try {
            const result = await publishBudget(db, reviewer, { budgetId: next.id, expectedVersion: next.version });
            if (!result.ok) {
              failures++;
              if (messages.length < 5) messages.push(`${next.id}: ${result.message}`);
            }
          } catch (error) {
            failures++;
            if (messages.length < 5) messages.push(`${next.id}: ${error instanceof Error ? error.message : String(error)}`);
          }
          samples.push(nowMs() - t);
        }
      }),
    );
    const seconds = round((nowMs() - t0) / 1000, 2);
    const ids = rows.map((r) => r.id);
    const check = await client.query<{ published: number; pdf: number }>(
      `select count(*) filter (where b.status = 'PUBLISHED')::int as published,
              count(*) filter (where exists (select 1 from "PublishedSnapshot" s join "SnapshotPdf" p on p."snapshotId" = s.id
                                              where s."budgetId" = b.id and s."supersededAt" is null))::int as pdf
         from "Budget" b where b.id = any($1::int[])`,
      [ids],
    );
    const { published, pdf } = check.rows[0]!;
    return {
      budgets: rows.length,
      reviewers,
      failures: failures + (rows.length - published) + (published - pdf),
      messages,
      seconds,
      each: summarize(samples),
      published,
      withPdf: pdf,
    };
  } finally {
    await db.$disconnect();
    await client.end();
  }
}
