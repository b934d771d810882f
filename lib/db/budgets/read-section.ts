import { Prisma, type BudgetKind, type BudgetStatus } from "@/generated/prisma/client";
import { budgetScopeSql } from "../scope";
import { CATALOG_STAMP_SQL } from "../catalog-store";
import { PREPARED, queryRows } from "../connect";
import { PART_SQL, type PartKey } from "./load-for-engine";
import type { BudgetContent } from "./read-budget";

type Tx = Prisma.TransactionClient;

export interface SectionRow {
  id: number;
  departmentId: number;
  status: BudgetStatus;
  version: number;
  year: number;
  /** The revisions of the year's catalogue and last year's, as loadCatalog takes them (knownStamp). */
  catalogStamp: string;
  /** The budget row and the parts asked for; the other parts are absent. */
  content: Partial<BudgetContent> & Omit<BudgetContent, PartKey>;
}

type Row = Omit<SectionRow, "content"> &
  Omit<BudgetContent, PartKey | "department" | "kind"> & { kind: string; departmentCode: string; regionCode: string; regionName: string };

/**
 * A budget's row and the given parts of its content, inside `scope` (null outside it), in one
 * statement with its parameters bound — the section save's read: Prisma's include tree spent
 * more CPU on a 200-line part's result than the statement took; outside a transaction it goes
 * straight to the client's pool (queryRows).
 */
export async function readSection(tx: Tx, id: number, scope: Prisma.BudgetWhereInput, parts: readonly PartKey[]): Promise<SectionRow | null> {
  const columns = parts.length > 0 ? Prisma.sql`, ${Prisma.join(parts.map((k) => PART_SQL[k]))}` : Prisma.empty;
  // Prepared (PREPARED): PostgreSQL keeps its plan per connection instead of planning every save.
  const query = Prisma.sql`${Prisma.raw(PREPARED)}
    select b.id, b."departmentId", b.status::text as status, b.version, b.kind::text as kind, b.year, b."unitName",
           coalesce(to_json(b.functions), '[]') as functions, b.structure, b."performanceOffice", b."contactName", b."contactPhone",
           b."performanceGoal", coalesce(to_json(b."disclosureTables"), '[]') as "disclosureTables",
           d.code as "departmentCode", r.code as "regionCode", r.name as "regionName",
           ${Prisma.raw(CATALOG_STAMP_SQL)} as "catalogStamp" ${columns}
      from "Budget" b
      join "Department" d on d.id = b."departmentId"
      join "Region" r on r.id = d."regionId"
     where b.id = ${id} and ${budgetScopeSql(scope)}`;
  const rows = await queryRows<Row>(tx, query);
  const row = rows[0];
  if (!row) return null;
  const { id: _id, departmentId, status, version, departmentCode, regionCode, regionName, kind, catalogStamp, ...rest } = row;
  return {
    id: row.id,
    departmentId,
    status,
    version,
    year: row.year,
    catalogStamp,
    content: { ...rest, kind: kind as BudgetKind, department: { code: departmentCode, region: { code: regionCode, name: regionName } } },
  };
}
