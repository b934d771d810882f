import Decimal from "decimal.js";
import type { PriorYear } from "@/lib/budget/model";
import { Prisma } from "@/generated/prisma/client";
import { poolOf } from "../connect";

type Tx = Prisma.TransactionClient;

/**
 * The key of the 上年 figures a budget `p` gives next year's budget (PriorFigures): everything
 * priorYearFromBudget reads of it, as the engine's read reaches it (load-for-engine.ts). Its
 * content and status are its version and status (every change of either bumps the version);
 * while reopened its current snapshot; as a department's budget the consolidation of its units,
 * so their versions; the crosswalk onto next year's codes, so the catalogue revisions of both
 * years. The leading format names the stored shape (StoredPrior): a change of it changes every key.
 * The dashboards' row keys (lib/db/queries/dashboard-rows.ts) name last year's budget by it too,
 * with the snapshot and the revisions from their joins (`from`) rather than looked up per row.
 */
export function priorKeySql(from?: { snapshotId: Prisma.Sql; revisions: Prisma.Sql }): Prisma.Sql {
  const snapshotId = from?.snapshotId ?? Prisma.sql`(select max(s.id) from "PublishedSnapshot" s where s."budgetId" = p.id and s."supersededAt" is null)`;
  const revisions = from?.revisions ?? Prisma.sql`(select ${PRIOR_REVISIONS} from "CatalogRevision" r where r.year in (p.year, p.year + 1))`;
  return Prisma.sql`('p1|' || p.version || ':' || p.status::text || ':' || coalesce(${snapshotId}::text, '') || '|' || ${revisions} || '|' ||
  case when p."subUnitId" is null
       then coalesce((select string_agg(u.id || ':' || u.version, ',' order by u.id) from "Budget" u
                       where u."departmentId" = p."departmentId" and u.year = p.year and u.kind = p.kind and u."subUnitId" is not null), '')
       else '' end)`;
}

/** The catalogue revisions of `lastYear` and the year after, as priorKeySql writes them, aggregated over "CatalogRevision" r. */
const revisionsFrom = (lastYear: Prisma.Sql) =>
  Prisma.sql`coalesce(max(r.revision) filter (where r.year = ${lastYear}), 0) || ':' || coalesce(max(r.revision) filter (where r.year = ${lastYear} + 1), 0)`;

/** Over last year's budget `p`. */
const PRIOR_REVISIONS = revisionsFrom(Prisma.sql`p.year`);

/** The same revisions for the budgets of `year` (whose last year is year − 1). */
export const priorRevisionsOfYear = (year: number) => revisionsFrom(Prisma.sql`(${year}::int - 1)`);

/** PriorYear as stored: every amount its exact text. */
export interface StoredPrior {
  expenditureByFunction?: Record<string, string>;
  basic: string;
  project: string;
  threePublic: { abroad: string; vehiclePurchase: string; vehicleOperation: string; reception: string };
  operatingFunds: string;
}

const text = (d: Decimal) => d.toString();

export function storedPrior(prior: PriorYear): StoredPrior {
  const t = prior.threePublic;
  return {
    ...(prior.expenditureByFunction
      ? { expenditureByFunction: Object.fromEntries(Object.entries(prior.expenditureByFunction).map(([code, amount]) => [code, text(amount)])) }
      : {}),
    basic: text(prior.basic),
    project: text(prior.project),
    threePublic: { abroad: text(t.abroad), vehiclePurchase: text(t.vehiclePurchase), vehicleOperation: text(t.vehicleOperation), reception: text(t.reception) },
    operatingFunds: text(prior.operatingFunds),
  };
}

export function priorFromStored(stored: StoredPrior): PriorYear {
  const t = stored.threePublic;
  return {
    ...(stored.expenditureByFunction
      ? { expenditureByFunction: Object.fromEntries(Object.entries(stored.expenditureByFunction).map(([code, amount]) => [code, new Decimal(amount)])) }
      : {}),
    basic: new Decimal(stored.basic),
    project: new Decimal(stored.project),
    threePublic: {
      abroad: new Decimal(t.abroad),
      vehiclePurchase: new Decimal(t.vehiclePurchase),
      vehicleOperation: new Decimal(t.vehicleOperation),
      reception: new Decimal(t.reception),
    },
    operatingFunds: new Decimal(stored.operatingFunds),
  };
}

export interface ComputedPrior {
  budgetId: number;
  key: string;
  /** Undefined: the budget gives no 上年 figures. */
  prior: PriorYear | undefined;
}

/**
 * Keeps the 上年 figures just computed, each under the key it was read with (in the same statement
 * as the rows it was computed from, so a change in between leaves a row whose key is already old,
 * recomputed at the next read). Only outside a transaction: a cache row never joins the caller's
 * transaction, its locks or its rollback; a read inside one computes the figures as it always did.
 * A failed write (the budget deleted meanwhile) costs the next read its computation, never this one.
 */
export async function storePriorFigures(db: Tx, computed: readonly ComputedPrior[]): Promise<void> {
  if (computed.length === 0 || !poolOf(db)) return;
  const rows = [...computed].sort((a, b) => a.budgetId - b.budgetId);
  await db.$executeRaw`
    insert into "PriorFigures" ("budgetId", key, figures, "computedAt")
    select id, key, figures, now()
      from unnest(${rows.map((r) => r.budgetId)}::int[], ${rows.map((r) => r.key)}::text[],
                  ${rows.map((r) => (r.prior ? JSON.stringify(storedPrior(r.prior)) : null))}::jsonb[]) as u(id, key, figures)
    on conflict ("budgetId") do update set key = excluded.key, figures = excluded.figures, "computedAt" = now()
     where "PriorFigures".key is distinct from excluded.key`.catch(() => undefined);
}
