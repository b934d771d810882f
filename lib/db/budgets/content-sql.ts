import type { ClientBase } from "pg";
import type { Budget } from "@/lib/budget/model";
import type { Prisma } from "@/generated/prisma/client";
import { budgetFromRows, type BudgetContent } from "./read-budget";

const indicator = (a: string) =>
  `json_build_object('level1', ${a}.level1, 'level2', ${a}.level2, 'name', ${a}.name, 'unit', ${a}.unit, 'operator', ${a}.operator,
                     'value', ${a}.value, 'weight', ${a}.weight::text, 'core', ${a}.core)`;

/**
 * One budget's content (what budgetContentInclude reads), `$1` its id, in one statement: the parts
 * as json_agg with amounts as exact text. Unlike Prisma's include, which runs each relation as its
 * own query — concurrently, which on a transaction's one connection pg deprecates and warns of —
 * this is one query whichever connection it runs on.
 */
export const BUDGET_CONTENT_SQL = `select b.kind::text as kind, b.year, b."unitName", coalesce(b.functions, '{}') as functions, b.structure, b."performanceOffice", b."contactName",
            b."contactPhone", b."performanceGoal", coalesce(b."disclosureTables", '{}') as "disclosureTables",
            json_build_object('code', d.code, 'region', json_build_object('code', r.code, 'name', r.name)) as department,
            coalesce((select json_agg(json_build_object('subUnit', json_build_object('code', su.code, 'name', su.name)) order by x.position)
                        from "BudgetSubUnit" x join "SubUnit" su on su.id = x."subUnitId" where x."budgetId" = b.id), '[]') as "subUnits",
            coalesce((select json_agg(json_build_object('fund', x.fund, 'carryover', x.carryover, 'amount', x.amount::text))
                        from "IncomeLine" x where x."budgetId" = b.id), '[]') as income,
            coalesce((select json_agg(json_build_object('subUnitCode', x."subUnitCode", 'functionCode', x."functionCode", 'economicCode', x."economicCode",
                                                        'amount', x.amount::text, 'fund', x.fund) order by x.position)
                        from "BasicLine" x where x."budgetId" = b.id), '[]') as "basicLines",
            coalesce((select json_agg(json_build_object(
                        'code', x.code, 'name', x.name, 'subUnitCode', x."subUnitCode", 'functionCode', x."functionCode",
                        'economicCode', x."economicCode", 'fund', x.fund, 'amount', x.amount::text,
                        'ownArrangement', x."ownArrangement"::text, 'superiorSubsidy', x."superiorSubsidy"::text,
                        'category', x.category, 'owner', x.owner, 'summary', x.summary, 'basis', x.basis, 'goal', x.goal,
                        'executionRateWeight', x."executionRateWeight"::text, 'disclose', x.disclose, 'tier', x.tier, 'programCode', x."programCode",
                        'indicators', coalesce((select json_agg(${indicator("i")} order by i.position) from "ProjectIndicator" i where i."projectId" = x.id), '[]'))
                        order by x.position)
                        from "Project" x where x."budgetId" = b.id), '[]') as projects,
            (select json_build_object('abroad', x.abroad::text, 'vehiclePurchase', x."vehiclePurchase"::text,
                                      'vehicleOperation', x."vehicleOperation"::text, 'reception', x.reception::text)
               from "ThreePublic" x where x."budgetId" = b.id) as "threePublic",
            coalesce((select json_agg(json_build_object('category', x.category, 'fund', x.fund, 'amount', x.amount::text) order by x.position)
                        from "ProcurementLine" x where x."budgetId" = b.id), '[]') as procurement,
            (select row_to_json(x) from "AssetHolding" x where x."budgetId" = b.id) as assets,
            coalesce((select json_agg(${indicator("x")} order by x.position) from "PerformanceIndicator" x where x."budgetId" = b.id), '[]') as indicators,
            (select row_to_json(x) from "NarrativeReasons" x where x."budgetId" = b.id) as narrative,
            (select json_build_object('basic', x.basic::text, 'project', x.project::text, 'threePublicAbroad', x."threePublicAbroad"::text,
                                      'threePublicVehiclePurchase', x."threePublicVehiclePurchase"::text,
                                      'threePublicVehicleOperation', x."threePublicVehicleOperation"::text,
                                      'threePublicReception', x."threePublicReception"::text, 'operatingFunds', x."operatingFunds"::text)
               from "PriorYear" x where x."budgetId" = b.id) as prior,
            coalesce((select json_agg(json_build_object('functionCode', x."functionCode", 'amount', x.amount::text) order by x."functionCode")
                        from "PriorFunctionAmount" x where x."budgetId" = b.id), '[]') as "priorByFunction"
       from "Budget" b join "Department" d on d.id = b."departmentId" join "Region" r on r.id = d."regionId"
      where b.id = $1`;

/** A budget's model through plain pg (the command line's import: the "before" of a replacement). */
export async function readBudgetSql(client: ClientBase, id: number): Promise<Budget> {
  const { rows } = await client.query<BudgetContent>(BUDGET_CONTENT_SQL, [id]);
  return budgetFromRows(rows[0]!);
}

/**
 * The first budget matching `where` with its content, as findFirst with budgetContentInclude
 * returns it, one query after the other: for use inside a transaction.
 */
export async function findBudgetWithContent(tx: Prisma.TransactionClient, where: Prisma.BudgetWhereInput) {
  const row = await tx.budget.findFirst({ where });
  if (!row) return null;
  const [content] = await tx.$queryRawUnsafe<BudgetContent[]>(BUDGET_CONTENT_SQL, row.id);
  return { ...row, ...content! };
}
