import type { Prisma } from "@/generated/prisma/client";
import type { Catalog } from "@/lib/catalog/catalog";
import { packageToFinal, type FinalAccounts } from "@/lib/final/model";
import type { FinalPackage } from "@/lib/final/package/schema";
import type { Db } from "../client";
import { finalCatalog } from "./final-catalog";

type Tx = Prisma.TransactionClient | Db;

export interface FinalKey {
  region: string;
  unit: string;
  year: number;
}

export interface StoredFinal {
  id: number;
  status: string;
  version: number;
  year: number;
  pkg: FinalPackage;
}

const select = { id: true, status: true, version: true, year: true, finalContent: { select: { package: true } } } as const;

function stored(row: { id: number; status: string; version: number; year: number; finalContent: { package: unknown } | null } | null): StoredFinal | null {
  if (!row?.finalContent) return null;
  // The document was validated by finalPackageSchema before it was written (import, save).
  return { id: row.id, status: row.status, version: row.version, year: row.year, pkg: row.finalContent.package as FinalPackage };
}

/** A 决算 found by id inside `scope` (outside it, or not a 决算: null). */
export async function loadFinalById(db: Tx, id: number, scope: Prisma.BudgetWhereInput): Promise<StoredFinal | null> {
  return stored(await db.budget.findFirst({ where: { AND: [scope, { id, kind: "final" }] }, select }));
}

export async function loadFinalByKey(db: Tx, key: FinalKey, scope: Prisma.BudgetWhereInput = {}): Promise<StoredFinal | null> {
  return stored(
    await db.budget.findFirst({
      where: { AND: [scope, { year: key.year, kind: "final", department: { code: key.unit, region: { code: key.region } } }] },
      select,
    }),
  );
}

/** The stored package, exactly as imported or last saved. */
export async function exportFinalPackage(db: Tx, key: FinalKey, scope: Prisma.BudgetWhereInput = {}): Promise<FinalPackage | null> {
  return (await loadFinalByKey(db, key, scope))?.pkg ?? null;
}

export interface FinalEngineInput {
  pkg: FinalPackage;
  final: FinalAccounts;
  catalog: Catalog;
}

/** What evaluateFinal needs for a stored 决算. */
export async function loadFinalForEngine(db: Tx, id: number, scope: Prisma.BudgetWhereInput): Promise<FinalEngineInput | null> {
  const row = await loadFinalById(db, id, scope);
  if (!row) return null;
  return { pkg: row.pkg, final: packageToFinal(row.pkg), catalog: await finalCatalog(db, row.year) };
}
