import type { DisclosureSummary } from "@/lib/budget/disclose";
import type { DisclosureTables } from "@/lib/budget/tables/types";
import type { FinalTables } from "@/lib/final/tables/types";
import type { PublicBudgetKey } from "@/lib/public/public-key";
import type { Db, Prisma } from "../client";
import { publishedScope } from "../scope";

/** A published budget as the public reads it: the frozen snapshot, never live lines. */
export type PublishedBudget = PublishedDocument<DisclosureTables>;

/** A published 决算: the same snapshot, its tables F1–F10. */
export type PublishedFinal = PublishedDocument<FinalTables>;

interface PublishedDocument<T> {
  snapshotId: number;
  /** 1 for the first publication; > 1 after each 预算调整. */
  sequence: number;
  publishedAt: Date;
  /** When the first version was published (differs from publishedAt after an adjustment). */
  firstPublishedAt: Date;
  region: { code: string; name: string };
  unit: { code: string; name: string };
  year: number;
  package: unknown;
  tables: T;
  narrative: string;
  /** The last-year figures the tables were printed with (frozen JSON), null when the package's own were used. */
  prior: unknown;
  /** The frozen headline figures (lib/budget/disclose.ts), null for a 决算 and for snapshots frozen before them. */
  summary: unknown;
  /** The units whose own tables were published with a consolidated department budget (部门汇总), by code. */
  units: PublishedUnitEntry[];
}

/** A unit listed on its department's published budget: its code, name and frozen headline figures. */
export interface PublishedUnitEntry {
  code: string;
  name: string;
  summary: DisclosureSummary;
}

/** One unit's published disclosure (its 单位 tables), with the department budget it was published with. */
export interface PublishedUnit extends PublishedUnitEntry {
  department: PublishedBudget;
  tables: DisclosureTables;
}

type Kind = "budget" | "final";

/**
 * The budgets the public may see, as a where-clause on the snapshot: the budget has a published version
 * (publishedScope) and the snapshot is the current, non-superseded one.
 */
function currentSnapshotWhere(budget: Prisma.BudgetWhereInput, kind: Kind = "budget"): Prisma.PublishedSnapshotWhereInput {
  return { supersededAt: null, kind, budget: { AND: [publishedScope, { kind }, budget] } };
}

const include = {
  budget: { include: { department: { include: { region: true } } } },
  units: { select: { code: true, name: true, summary: true }, orderBy: { position: "asc" } },
} as const;

type Row = Prisma.PublishedSnapshotGetPayload<{ include: typeof include }>;

function toPublished<T = DisclosureTables>(row: Row, firstPublishedAt: Date): PublishedDocument<T> {
  const d = row.budget.department;
  return {
    snapshotId: row.id,
    sequence: row.sequence,
    publishedAt: row.publishedAt,
    firstPublishedAt,
    region: { code: d.region.code, name: d.region.name },
    unit: { code: d.code, name: row.budget.unitName },
    year: row.budget.year,
    package: row.package,
    tables: row.tables as unknown as T,
    narrative: row.narrative,
    prior: row.prior ?? null,
    summary: row.summary ?? null,
    units: row.units.map((u) => ({ code: u.code, name: u.name, summary: u.summary as unknown as DisclosureSummary })),
  };
}

/** The current published version of one budget by its public key, or null (⇒ 404). */
export async function findPublishedBudget(db: Db, key: PublicBudgetKey): Promise<PublishedBudget | null> {
  return findPublished<DisclosureTables>(db, key, "budget");
}

/** The current published version of one 决算 by its public key, or null (⇒ 404). */
export async function findPublishedFinal(db: Db, key: PublicBudgetKey): Promise<PublishedFinal | null> {
  return findPublished<FinalTables>(db, key, "final");
}

async function findPublished<T>(db: Db, key: PublicBudgetKey, kind: Kind): Promise<PublishedDocument<T> | null> {
  const row = await db.publishedSnapshot.findFirst({
    where: currentSnapshotWhere({ year: key.year, department: { code: key.unit, region: { code: key.region } } }, kind),
    orderBy: { sequence: "desc" },
    include,
  });
  if (!row) return null;
  const first =
    row.sequence > 1
      ? await db.publishedSnapshot.findFirst({ where: { budgetId: row.budgetId }, orderBy: { sequence: "asc" }, select: { publishedAt: true } })
      : null;
  return toPublished<T>(row, first?.publishedAt ?? row.publishedAt);
}

export interface PublishedListFilter {
  region?: string;
  year?: number;
}

/**
 * Every current published version, optionally of one region and/or year, ordered by region,
 * year (newest first) and department code. Reads the frozen tables for the totals.
 */
export async function listPublishedBudgets(db: Db, filter: PublishedListFilter = {}): Promise<PublishedBudget[]> {
  return listPublished<DisclosureTables>(db, filter, "budget");
}

/** Every current published 决算, in the same order as listPublishedBudgets. */
export async function listPublishedFinals(db: Db, filter: PublishedListFilter = {}): Promise<PublishedFinal[]> {
  return listPublished<FinalTables>(db, filter, "final");
}

async function listPublished<T>(db: Db, filter: PublishedListFilter, kind: Kind): Promise<PublishedDocument<T>[]> {
  const rows = await db.publishedSnapshot.findMany({
    where: currentSnapshotWhere(
      {
        ...(filter.year !== undefined ? { year: filter.year } : {}),
        ...(filter.region !== undefined ? { department: { region: { code: filter.region } } } : {}),
      },
      kind,
    ),
    include,
  });
  const published = rows.map((r) => toPublished<T>(r, r.publishedAt));
  return published.sort(
    (a, b) => a.region.code.localeCompare(b.region.code) || b.year - a.year || a.unit.code.localeCompare(b.unit.code, "en", { numeric: true }),
  );
}

/**
 * The id of the current published snapshot of one budget, or null: the small query that decides
 * what a public page shows, asked on every request, so a publication or 预算调整 shows at once.
 */
export async function currentSnapshotId(db: Db, key: PublicBudgetKey, kind: Kind = "budget"): Promise<number | null> {
  const row = await db.publishedSnapshot.findFirst({
    where: currentSnapshotWhere({ year: key.year, department: { code: key.unit, region: { code: key.region } } }, kind),
    orderBy: { sequence: "desc" },
    select: { id: true },
  });
  return row?.id ?? null;
}

/** Ids of the current snapshots of a region and year (the district page). */
export async function currentSnapshotIds(db: Db, filter: { region: string; year: number }): Promise<number[]> {
  const rows = await db.publishedSnapshot.findMany({
    where: currentSnapshotWhere({ year: filter.year, department: { region: { code: filter.region } } }),
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/** One snapshot as the public reads it; what it holds never changes, so it may be cached by id. */
export async function publishedBudgetBySnapshot(db: Db, snapshotId: number): Promise<PublishedBudget | null> {
  const row = await db.publishedSnapshot.findUnique({ where: { id: snapshotId }, include });
  if (!row) return null;
  const first =
    row.sequence > 1
      ? await db.publishedSnapshot.findFirst({ where: { budgetId: row.budgetId }, orderBy: { sequence: "asc" }, select: { publishedAt: true } })
      : null;
  return toPublished(row, first?.publishedAt ?? row.publishedAt);
}

/**
 * One unit's tables as published with the current version of its department's budget, or null
 * (⇒ 404): the unit must be one of that snapshot's, so a unit is public exactly when, and as, its
 * department's budget is.
 */
export async function findPublishedUnit(db: Db, department: PublishedBudget, code: string): Promise<PublishedUnit | null> {
  const row = await db.publishedUnit.findUnique({
    where: { snapshotId_code: { snapshotId: department.snapshotId, code } },
    select: { code: true, name: true, tables: true, summary: true },
  });
  if (!row) return null;
  return {
    code: row.code,
    name: row.name,
    summary: row.summary as unknown as DisclosureSummary,
    tables: row.tables as unknown as DisclosureTables,
    department,
  };
}

/** Sorted as listPublishedBudgets sorts. */
export function sortPublished(budgets: PublishedBudget[]): PublishedBudget[] {
  return budgets.sort(
    (a, b) => a.region.code.localeCompare(b.region.code) || b.year - a.year || a.unit.code.localeCompare(b.unit.code, "en", { numeric: true }),
  );
}
