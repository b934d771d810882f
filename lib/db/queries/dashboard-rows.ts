import Decimal from "decimal.js";
import { ceilingBasis, type CeilingBasis } from "@/lib/budget/ceilings";
import { discloseBudget } from "@/lib/budget/disclose";
import type { BudgetStatusName } from "@/lib/budget/status";
import { dashboardFigures, type DashboardFigures } from "@/lib/review/department-row";
import { Prisma } from "@/generated/prisma/client";
import { loadManyForEngine } from "../budgets/load-for-engine";
import { priorKeySql, priorRevisionsOfYear } from "../budgets/prior-figures";
import { budgetScopeSql } from "../scope";

type Tx = Prisma.TransactionClient;

/**
 * The key of a budget's dashboard row, over the budget aliased `b`: everything its figures are
 * computed from (lib/db/budgets/load-for-engine.ts). Its own content is its version (every change
 * of content or status bumps it); 上年预算数 come from last year's budget (department, year − 1,
 * kind), so its id and the key of the 上年 figures it gives (priorKeySql, the engine's own);
 * the catalogue of the year and of the year before by their revisions (bumped by every import);
 * a department's budget is the consolidation of its units', so their versions. A key that differs
 * from the stored one means the row is recomputed.
 */
const KEY_SQL = Prisma.sql`(b.version::text || '|' ||
  coalesce((select p.id || ':' || ${priorKeySql()}
              from "Budget" p where p."departmentId" = b."departmentId" and p.year = b.year - 1 and p.kind = b.kind and p."subUnitId" is null), '-') || '|' ||
  coalesce((select string_agg(c.year || ':' || c.revision, ',' order by c.year) from "CatalogRevision" c where c.year in (b.year - 1, b.year)), '') || '|' ||
  coalesce((select string_agg(u.id || ':' || u.version, ',' order by u.id) from "Budget" u
             where u."departmentId" = b."departmentId" and u.year = b.year and u.kind = b.kind and u."subUnitId" is not null), ''))`;

/**
 * The same key for many budgets of one year (the dashboards): last year's budget and its current
 * snapshot joined rather than looked up per budget, the catalogue revisions read once. Over `b`
 * joined with `p` (last year's budget), `s` (its current snapshot id) and `rev` (the revisions).
 */
const yearKeyJoins = (year: number) => Prisma.sql`
      left join "Budget" p on p."departmentId" = b."departmentId" and p.year = b.year - 1 and p.kind = b.kind and p."subUnitId" is null
      left join (select "budgetId", max(id) as id from "PublishedSnapshot" where "supersededAt" is null group by "budgetId") s on s."budgetId" = p.id
      cross join (select coalesce(string_agg(r.year || ':' || r.revision, ',' order by r.year), '') as revisions, ${priorRevisionsOfYear(year)} as prior
                    from "CatalogRevision" r where r.year in (${year}::int - 1, ${year}::int)) rev`;
const YEAR_KEY_SQL = Prisma.sql`(b.version::text || '|' ||
  case when p.id is null then '-' else p.id || ':' || ${priorKeySql({ snapshotId: Prisma.sql`s.id`, revisions: Prisma.sql`rev.prior` })} end || '|' || rev.revisions || '|' ||
  coalesce((select string_agg(u.id || ':' || u.version, ',' order by u.id) from "Budget" u
             where u."departmentId" = b."departmentId" and u.year = b.year and u.kind = b.kind and u."subUnitId" is not null), ''))`;

/** A cached row's figures as 万元 text: stored in 元, every one a whole multiple of 100 元. */
const wan = (column: string) => Prisma.raw(`(r."${column}" / 10000)::numeric(18, 2)::text`);
const FIGURES_SQL = Prisma.sql`${wan("total")} as total, ${wan("totalChange")} as "totalChange", ${wan("basic")} as basic,
  ${wan("project")} as project, ${wan("threePublic")} as "threePublic", ${wan("threePublicChange")} as "threePublicChange",
  r.errors, r.warnings, r."ceilingBasis"`;

export interface DistrictBudgetRow {
  departmentId: number;
  code: string;
  name: string;
  budget: { id: number; status: BudgetStatusName; version: number; submittedAt: Date | null; approvedAt: Date | null } | null;
  figures: DashboardFigures | null;
  /** What the department's 控制数 count in this budget (the consolidation's, for a department with units). */
  ceilingBasis: CeilingBasis | null;
}

/** A department and, from the left joins, its budget and cached figures (all null when absent). */
type RawDistrictRow = { [K in keyof DashboardFigures]: DashboardFigures[K] | null } & {
  departmentId: number;
  code: string;
  name: string;
  budgetId: number | null;
  status: BudgetStatusName | null;
  version: number | null;
  submittedAt: Date | null;
  approvedAt: Date | null;
  key: string | null;
  fresh: boolean | null;
  ceilingBasis: CeilingBasis | null;
};

/**
 * Every department of a region with its budget of `year` inside `scope` (a reviewer sees no
 * drafts) and that budget's dashboard figures: one statement reads them from the row cache and
 * compares each row's key with the current one; the budgets whose key differs (or that have no
 * row yet) are computed and stored, and only those.
 */
export async function loadDistrictRows(tx: Tx, regionId: number, year: number, scope: Prisma.BudgetWhereInput): Promise<DistrictBudgetRow[]> {
  const rows = await tx.$queryRaw<RawDistrictRow[]>`
    select d.id as "departmentId", d.code, d.name,
           b.id as "budgetId", b.status::text as status, b.version, b."submittedAt", b."approvedAt",
           k.key, r.key = k.key as fresh, ${FIGURES_SQL}
      from "Department" d
      left join "Budget" b on b."departmentId" = d.id and b.year = ${year} and b.kind = 'budget' and b."subUnitId" is null and ${budgetScopeSql(scope)}
      ${yearKeyJoins(year)}
      cross join lateral (select case when b.id is null then null else ${YEAR_KEY_SQL} end as key) k
      left join "DashboardRow" r on r."budgetId" = b.id
     where d."regionId" = ${regionId}
     order by d.code`;
  const stale = rows.filter((r) => r.budgetId !== null && !r.fresh);
  const computed = await refreshRows(
    tx,
    stale.map((r) => ({ id: r.budgetId as number, key: r.key as string })),
    scope,
  );
  return rows.map((r) => ({
    departmentId: r.departmentId,
    code: r.code,
    name: r.name,
    budget:
      r.budgetId === null
        ? null
        : { id: r.budgetId, status: r.status as BudgetStatusName, version: r.version as number, submittedAt: r.submittedAt, approvedAt: r.approvedAt },
    figures: r.budgetId === null ? null : r.fresh ? figuresOf(r) : (computed.get(r.budgetId)?.figures ?? null),
    ceilingBasis: r.budgetId === null ? null : r.fresh ? r.ceilingBasis : (computed.get(r.budgetId)?.basis ?? null),
  }));
}

function figuresOf(r: RawDistrictRow): DashboardFigures {
  return {
    total: r.total as string,
    totalChange: r.totalChange,
    basic: r.basic as string,
    project: r.project as string,
    threePublic: r.threePublic as string,
    threePublicChange: r.threePublicChange,
    errors: r.errors as number,
    warnings: r.warnings as number,
  };
}

const yuanOf = (wanText: string | null) => (wanText === null ? null : new Decimal(wanText).times(10_000).toFixed(2));

/**
 * Computes the figures of `budgets` (read inside `scope`) and stores them under the key each was
 * read with. The key is read before the content, so a change in between leaves a row whose key
 * is already old: it is recomputed at the next read, never shown stale.
 */
type Computed = { figures: DashboardFigures; basis: CeilingBasis };

async function refreshRows(tx: Tx, budgets: { id: number; key: string }[], scope: Prisma.BudgetWhereInput): Promise<Map<number, Computed>> {
  const out = new Map<number, Computed>();
  if (budgets.length === 0) return out;
  const keys = new Map(budgets.map((b) => [b.id, b.key]));
  const engines = await loadManyForEngine(
    tx,
    budgets.map((b) => b.id),
    scope,
  );
  for (const engine of engines) {
    const d = discloseBudget(engine);
    out.set(engine.id, { figures: dashboardFigures(d.summary, d.narrative.figures, d.findings), basis: ceilingBasis(engine.budget) });
  }
  await storeRows(
    tx,
    [...out].map(([id, c]) => ({ id, key: keys.get(id) as string, ...c })),
  );
  return out;
}

async function storeRows(tx: Tx, rows: ({ id: number; key: string } & Computed)[]) {
  if (rows.length === 0) return;
  const col = <T>(f: (r: (typeof rows)[number]) => T) => rows.map(f);
  await tx.$executeRaw`
    insert into "DashboardRow" ("budgetId", key, total, "totalChange", basic, project, "threePublic", "threePublicChange", errors, warnings, "ceilingBasis", "computedAt")
    select * , now() from unnest(${col((r) => r.id)}::int[], ${col((r) => r.key)}::text[],
                         ${col((r) => yuanOf(r.figures.total))}::numeric[], ${col((r) => yuanOf(r.figures.totalChange))}::numeric[],
                         ${col((r) => yuanOf(r.figures.basic))}::numeric[], ${col((r) => yuanOf(r.figures.project))}::numeric[],
                         ${col((r) => yuanOf(r.figures.threePublic))}::numeric[], ${col((r) => yuanOf(r.figures.threePublicChange))}::numeric[],
                         ${col((r) => r.figures.errors)}::int[], ${col((r) => r.figures.warnings)}::int[],
                         ${col((r) => JSON.stringify(r.basis))}::jsonb[])
    on conflict ("budgetId") do update set key = excluded.key, total = excluded.total, "totalChange" = excluded."totalChange",
       basic = excluded.basic, project = excluded.project, "threePublic" = excluded."threePublic",
       "threePublicChange" = excluded."threePublicChange", errors = excluded.errors, warnings = excluded.warnings,
       "ceilingBasis" = excluded."ceilingBasis", "computedAt" = now()`;
}

/**
 * Brings the dashboard rows of `ids` and of the budgets whose last year they are up to date,
 * right after a workflow step changed them (inside its transaction, so the rows are written under
 * the new version). Best effort: a row it cannot compute (no catalogue for the year) is left to
 * the next dashboard read, which compares keys anyway and computes what is out of date.
 */
export async function refreshDashboardRows(tx: Tx, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  try {
    await refreshKnown(tx, ids);
  } catch (error) {
    // Only the engine's own refusals are skipped; a database error has aborted the transaction and must surface.
    if (error instanceof Prisma.PrismaClientKnownRequestError || error instanceof Prisma.PrismaClientUnknownRequestError) throw error;
  }
}

async function refreshKnown(tx: Tx, ids: number[]) {
  const budgets = await tx.$queryRaw<{ id: number; key: string }[]>`
    select b.id, ${KEY_SQL} as key from "Budget" b
     where b.kind = 'budget' and b."subUnitId" is null
       and (b.id = any(${ids}::int[])
            or exists (select 1 from "Budget" t where t.id = any(${ids}::int[]) and t."departmentId" = b."departmentId" and t.year = b.year - 1 and t.kind = b.kind)
            -- a step of a unit changes the consolidated figures of its department
            or exists (select 1 from "Budget" t where t.id = any(${ids}::int[]) and t."subUnitId" is not null
                          and t."departmentId" = b."departmentId" and t.year = b.year and t.kind = b.kind))`;
  await refreshRows(tx, budgets, {});
}

export interface RegionSummary {
  id: number;
  code: string;
  name: string;
  departments: number;
  /** Budgets the reviewer sees (报送 at least once: every status but 编制中). */
  reported: number;
  byStatus: Record<"SUBMITTED" | "RETURNED" | "APPROVED" | "PUBLISHED", number>;
  /** 万元, the exact sum of the departments' printed figures (as the district dashboard sums them). */
  amounts: { total: string; basic: string; project: string; threePublic: string };
  errors: number;
  warnings: number;
}

interface RawRegionSummary {
  id: number;
  code: string;
  name: string;
  departments: number;
  reported: number;
  submitted: number;
  returned: number;
  approved: number;
  published: number;
  total: string;
  basic: string;
  project: string;
  threePublic: string;
  errors: number;
  warnings: number;
  stale: number[] | null;
  staleKeys: string[] | null;
}

/**
 * Per region of `regionIds`, its departments, the budgets of `year` inside `scope` by status and
 * the sums of their dashboard figures — one statement over the row cache. Rows whose key is out
 * of date are computed and stored first, then the statement runs again; with the cache current
 * (the usual case: every workflow step refreshes its rows) it runs once.
 */
export async function loadRegionSummaries(tx: Tx, regionIds: number[], year: number, scope: Prisma.BudgetWhereInput): Promise<RegionSummary[]> {
  for (let attempt = 0; ; attempt++) {
    const rows = await tx.$queryRaw<RawRegionSummary[]>`
      select g.id, g.code, g.name,
             count(d.id)::int as departments, count(b.id)::int as reported,
             (count(*) filter (where b.status = 'SUBMITTED'))::int as submitted, (count(*) filter (where b.status = 'RETURNED'))::int as returned,
             (count(*) filter (where b.status = 'APPROVED'))::int as approved, (count(*) filter (where b.status = 'PUBLISHED'))::int as published,
             (coalesce(sum(r.total), 0) / 10000)::numeric(18, 2)::text as total, (coalesce(sum(r.basic), 0) / 10000)::numeric(18, 2)::text as basic,
             (coalesce(sum(r.project), 0) / 10000)::numeric(18, 2)::text as project,
             (coalesce(sum(r."threePublic"), 0) / 10000)::numeric(18, 2)::text as "threePublic",
             coalesce(sum(r.errors), 0)::int as errors, coalesce(sum(r.warnings), 0)::int as warnings,
             array_agg(b.id) filter (where b.id is not null and r.key is distinct from k.key) as stale,
             array_agg(k.key) filter (where b.id is not null and r.key is distinct from k.key) as "staleKeys"
        from "Region" g
        join "Department" d on d."regionId" = g.id
        left join "Budget" b on b."departmentId" = d.id and b.year = ${year} and b.kind = 'budget' and b."subUnitId" is null and ${budgetScopeSql(scope)}
        ${yearKeyJoins(year)}
        cross join lateral (select case when b.id is null then null else ${YEAR_KEY_SQL} end as key) k
        left join "DashboardRow" r on r."budgetId" = b.id and r.key = k.key
       where g.id = any(${regionIds}::int[])
       group by g.id
       order by g.code`;
    const stale = rows.flatMap((r) => (r.stale ?? []).map((id, i) => ({ id, key: (r.staleKeys ?? [])[i] as string })));
    if (stale.length === 0 || attempt === 2) {
      // Only rows under the current key are summed; budgets changing faster than they are computed are an error, not a stale sum.
      if (stale.length > 0) throw new Error("dashboard rows changed while they were being computed");
      return rows.map((r) => ({
        id: r.id,
        code: r.code,
        name: r.name,
        departments: r.departments,
        reported: r.reported,
        byStatus: { SUBMITTED: r.submitted, RETURNED: r.returned, APPROVED: r.approved, PUBLISHED: r.published },
        amounts: { total: r.total, basic: r.basic, project: r.project, threePublic: r.threePublic },
        errors: r.errors,
        warnings: r.warnings,
      }));
    }
    // A hundred budgets at a time: one read statement each, as a district dashboard reads them.
    for (let i = 0; i < stale.length; i += 100) await refreshRows(tx, stale.slice(i, i + 100), scope);
  }
}
