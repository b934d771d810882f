import type { Budget, PriorYear } from "@/lib/budget/model";
import type { Catalog } from "@/lib/catalog/catalog";
import type { Crosswalk } from "@/lib/catalog/crosswalk";
import { priorYearFromBudget } from "@/lib/budget/compute/prior-year";
import { packageToBudget } from "@/lib/budget/package/to-budget";
import { parsePackageValue } from "@/lib/budget/package/schema";
import { Prisma, type BudgetKind } from "@/generated/prisma/client";
import { CATALOG_STAMP_SQL, loadCatalog, loadCrosswalk } from "../catalog-store";
import { PREPARED, queryRows } from "../connect";
import { budgetScopeSql } from "../scope";
import { consolidate, type UnitBudget } from "@/lib/budget/consolidate";
import { priorFromStored, priorKeySql, storePriorFigures, type ComputedPrior, type StoredPrior } from "./prior-figures";
import { budgetFromRows, type BudgetContent } from "./read-budget";

type Tx = Prisma.TransactionClient;

export interface EngineInput {
  id: number;
  status: string;
  version: number;
  budget: Budget;
  catalog: Catalog;
  prior?: PriorYear;
}

/**
 * Every part of a budget below its row, as one column each of a statement over "Budget" b: json_agg
 * with amounts as exact text, never a JSON number (read by budgetFromRows). Shared by the engine's
 * read and a section save's (which reads its own parts only).
 */
// `alias` is one of two constants below, never input.
const indicator = (alias: "i" | "x") =>
  Prisma.raw(`json_build_object('level1', ${alias}.level1, 'level2', ${alias}.level2, 'name', ${alias}.name, 'unit', ${alias}.unit,
      'operator', ${alias}.operator, 'value', ${alias}.value, 'weight', ${alias}.weight::text, 'core', ${alias}.core)`);

export type PartKey =
  "subUnits" | "income" | "basicLines" | "projects" | "threePublic" | "procurement" | "assets" | "indicators" | "narrative" | "prior" | "priorByFunction";

export const PART_KEYS: readonly PartKey[] = [
  "subUnits",
  "income",
  "basicLines",
  "projects",
  "threePublic",
  "procurement",
  "assets",
  "indicators",
  "narrative",
  "prior",
  "priorByFunction",
];

const projectIndicators = Prisma.sql`coalesce((select json_agg(${indicator("i")} order by i.position)
                                                 from "ProjectIndicator" i where i."projectId" = x.id), '[]')`;

/** The projects, with their indicators or (last year's budget, read for its 上年 figures) without. */
const projectsSql = (indicators: boolean) => Prisma.sql`coalesce((select json_agg(json_build_object(
                       'code', x.code, 'name', x.name, 'subUnitCode', x."subUnitCode", 'functionCode', x."functionCode",
                       'economicCode', x."economicCode", 'fund', x.fund, 'amount', x.amount::text,
                       'ownArrangement', x."ownArrangement"::text, 'superiorSubsidy', x."superiorSubsidy"::text,
                       'category', x.category, 'owner', x.owner, 'summary', x.summary, 'basis', x.basis, 'goal', x.goal,
                       'executionRateWeight', x."executionRateWeight"::text, 'disclose', x.disclose, 'tier', x.tier,
                       'programCode', x."programCode",
                       'indicators', ${indicators ? projectIndicators : Prisma.sql`'[]'::json`}) order by x.position)
                       from "Project" x where x."budgetId" = b.id), '[]')`;

/** Each part as an expression over "Budget" b, named by its key in a statement's columns (PART_SQL). */
export const PART_EXPR: Record<PartKey, Prisma.Sql> = {
  subUnits: Prisma.sql`coalesce((select json_agg(json_build_object('subUnit', json_build_object('code', su.code, 'name', su.name)) order by x.position)
                       from "BudgetSubUnit" x join "SubUnit" su on su.id = x."subUnitId" where x."budgetId" = b.id), '[]')`,
  income: Prisma.sql`coalesce((select json_agg(json_build_object('fund', x.fund, 'carryover', x.carryover, 'amount', x.amount::text))
                       from "IncomeLine" x where x."budgetId" = b.id), '[]')`,
  basicLines: Prisma.sql`coalesce((select json_agg(json_build_object('subUnitCode', x."subUnitCode", 'functionCode', x."functionCode", 'economicCode', x."economicCode",
                                                       'amount', x.amount::text, 'fund', x.fund) order by x.position)
                       from "BasicLine" x where x."budgetId" = b.id), '[]')`,
  projects: projectsSql(true),
  threePublic: Prisma.sql`(select json_build_object('abroad', x.abroad::text, 'vehiclePurchase', x."vehiclePurchase"::text,
                                     'vehicleOperation', x."vehicleOperation"::text, 'reception', x.reception::text)
              from "ThreePublic" x where x."budgetId" = b.id)`,
  procurement: Prisma.sql`coalesce((select json_agg(json_build_object('category', x.category, 'fund', x.fund, 'amount', x.amount::text) order by x.position)
                       from "ProcurementLine" x where x."budgetId" = b.id), '[]')`,
  assets: Prisma.sql`(select row_to_json(x) from "AssetHolding" x where x."budgetId" = b.id)`,
  indicators: Prisma.sql`coalesce((select json_agg(${indicator("x")} order by x.position)
                       from "PerformanceIndicator" x where x."budgetId" = b.id), '[]')`,
  narrative: Prisma.sql`(select row_to_json(x) from "NarrativeReasons" x where x."budgetId" = b.id)`,
  prior: Prisma.sql`(select json_build_object('basic', x.basic::text, 'project', x.project::text,
                                     'threePublicAbroad', x."threePublicAbroad"::text,
                                     'threePublicVehiclePurchase', x."threePublicVehiclePurchase"::text,
                                     'threePublicVehicleOperation', x."threePublicVehicleOperation"::text,
                                     'threePublicReception', x."threePublicReception"::text,
                                     'operatingFunds', x."operatingFunds"::text)
              from "PriorYear" x where x."budgetId" = b.id)`,
  priorByFunction: Prisma.sql`coalesce((select json_agg(json_build_object('functionCode', x."functionCode", 'amount', x.amount::text) order by x."functionCode")
                       from "PriorFunctionAmount" x where x."budgetId" = b.id), '[]')`,
};

export const PART_SQL = Object.fromEntries(PART_KEYS.map((k) => [k, Prisma.sql`${PART_EXPR[k]} as ${Prisma.raw(`"${k}"`)}`])) as Record<PartKey, Prisma.Sql>;

/** One row of ENGINE_READ: a budget asked for, or the previous-year budget of one (`priorOf`). */
type Row = Omit<BudgetContent, "department"> & {
  id: number;
  status: string;
  version: number;
  departmentCode: string;
  regionCode: string;
  regionName: string;
  /** Set on the asked-for budgets: whether it was asked for (in scope). */
  asked: boolean;
  /** Ids of the asked-for budgets this one is last year's budget of. */
  priorOf: number[] | null;
  /** Set on a unit's budget (单位预算): its unit, and the department budgets it is consolidated into. */
  subUnitId: number | null;
  unitCode: string | null;
  unitLabel: string | null;
  unitOf: number[] | null;
  /** The current published package of a previous-year budget whose figures are not kept (it may be reopened). */
  snapshot: unknown;
  /** On a previous-year budget: the key of its 上年 figures (PriorFigures), whether they are kept under it, and they. */
  priorKey: string | null;
  priorCached: boolean;
  priorFigures: StoredPrior | null;
  /** The catalogue revisions of the budget's year (CATALOG_STAMP_SQL), read with it. */
  catalogStamp: string;
};

/**
 * The budgets asked for (inside `scope`) and each one's previous-year budget (department, year − 1,
 * kind; read whatever the scope, as 上年预算数 are part of the budget), every row of each in one
 * statement: the parts as json_agg with amounts as exact text, never a JSON number.
 */
function engineRead(ids: number[], scope: Prisma.BudgetWhereInput): Prisma.Sql {
  // Prepared (PREPARED): planning this statement cost as much server time as running it. One
  // budget is asked for by `id = $1`, not as an array of one: PostgreSQL then estimates the same
  // single row with the parameter unknown as with it known, so after five runs it keeps the plan
  // made once (its "generic plan"); with an array it assumes ten rows, a costlier plan, and plans
  // every call anew.
  const askedSql = ids.length === 1 ? Prisma.sql`b.id = ${ids[0]}::int` : Prisma.sql`b.id = any(${ids}::int[])`;
  return Prisma.sql`${Prisma.raw(PREPARED)}
    with asked as (select b.id from "Budget" b where ${askedSql} and ${budgetScopeSql(scope)}),
    last as (
      select p.id, array_agg(t.id) as "priorOf", ${priorKeySql()} as "priorKey"
        from "Budget" t join "Budget" p on p."departmentId" = t."departmentId" and p.year = t.year - 1 and p.kind = t.kind
                                   and p."subUnitId" is not distinct from t."subUnitId"
       where t.id in (select id from asked)
       group by p.id),
    -- Last year's budgets whose 上年 figures are kept under their current key: their rows, and
    -- their units', are not read (unless shown too).
    cached as (select l.id, pf.figures from last l join "PriorFigures" pf on pf."budgetId" = l.id and pf.key = l."priorKey"),
    -- The units' budgets of each department budget read (部门汇总), whatever the scope: the
    -- department's figures are the sum of its units', for whoever may read the department's.
    -- From the few budgets read to their units by index: written as "t in asked or t in last",
    -- the planner scanned every budget for units instead (9 ms of 1,200 budgets, bench/profile-engine.ts).
    units as (
      select u.id, array_agg(t.id) as "unitOf"
        from (select id from asked union select id from last where id not in (select id from cached)) w
        join "Budget" t on t.id = w.id and t."subUnitId" is null
        join "Budget" u on u."departmentId" = t."departmentId" and u.year = t.year and u.kind = t.kind and u."subUnitId" is not null
       group by u.id)
    select b.id, b.status::text as status, b.version, b.kind::text as kind, b.year, b."unitName", coalesce(to_json(b.functions), '[]') as functions, b.structure,
           b."performanceOffice", b."contactName", b."contactPhone", b."performanceGoal", coalesce(to_json(b."disclosureTables"), '[]') as "disclosureTables",
           d.code as "departmentCode", r.code as "regionCode", r.name as "regionName",
           b.id in (select id from asked) as asked, l."priorOf", l."priorKey", c.id is not null as "priorCached", c.figures as "priorFigures",
           b."subUnitId", bu.code as "unitCode", bu.name as "unitLabel", un."unitOf",
           case when l.id is not null and c.id is null
                then (select s.package from "PublishedSnapshot" s where s."budgetId" = b.id and s."supersededAt" is null limit 1) end as snapshot,
           ${Prisma.raw(CATALOG_STAMP_SQL)} as "catalogStamp",
           ${Prisma.join(
             PART_KEYS.map((k) => engineColumn(k)),
             ",\n",
           )}
      from (select id from asked union select id from last union select id from units) w
      join "Budget" b on b.id = w.id
      join "Department" d on d.id = b."departmentId"
      join "Region" r on r.id = d."regionId"
      left join "SubUnit" bu on bu.id = b."subUnitId"
      left join last l on l.id = b.id
      left join cached c on c.id = b.id
      left join units un on un.id = b.id
      -- Whether the budget is shown (asked for, or a unit of one asked for), not only read for 上年.
      cross join lateral (select b.id in (select id from asked) or coalesce(un."unitOf" && array(select id from asked), false) as shown) f
     order by b.id`;
}

/**
 * What last year's budget is read for — its 上年 figures (priorYearFromBudget: lines, projects,
 * 三公) from its consolidation (consolidate: income, lines, projects) — leaves out the rest: the
 * indicators, narrative and other text were half the statement's rows and a third of its mapping.
 * With its figures kept under their current key (`c`, PriorFigures), not even that.
 */
const LAST_YEAR_PARTS: ReadonlySet<PartKey> = new Set(["income", "basicLines", "projects", "threePublic"]);

function engineColumn(k: PartKey): Prisma.Sql {
  const as = Prisma.raw(`"${k}"`);
  const none = k === "assets" || k === "narrative" || k === "prior" || k === "threePublic" ? Prisma.sql`null::json` : Prisma.sql`'[]'::json`;
  if (k === "projects") return Prisma.sql`case when f.shown then ${PART_EXPR.projects} when c.id is null then ${projectsSql(false)} else ${none} end as ${as}`;
  if (LAST_YEAR_PARTS.has(k)) return Prisma.sql`case when f.shown or c.id is null then ${PART_EXPR[k]} else ${none} end as ${as}`;
  return Prisma.sql`case when f.shown then ${PART_EXPR[k]} else ${none} end as ${as}`;
}

const contentOf = (row: Row): BudgetContent => ({
  ...row,
  kind: row.kind as BudgetKind,
  department: { code: row.departmentCode, region: { code: row.regionCode, name: row.regionName } },
});

/**
 * Budgets with everything lib/budget needs to compute their tables, narrative and findings, read
 * inside `scope` (a budget outside it is simply missing) in one statement however many budgets
 * are asked for — the district dashboard reads a hundred at once — plus the catalogue's.
 */
export async function loadManyForEngine(
  tx: Tx,
  ids: number[],
  scope: Prisma.BudgetWhereInput,
  options: { ownPartOnly?: boolean } = {},
): Promise<EngineInput[]> {
  if (ids.length === 0) return [];
  const rows = await queryRows<Row>(tx, engineRead(ids, scope));
  // A department budget with units is their consolidation (部门汇总); the editor of the
  // department's own part asks for that part alone (`ownPartOnly`), as it saves what it shows.
  const unitsOf = new Map<number, UnitBudget[]>();
  for (const row of rows) {
    for (const departmentId of row.unitOf ?? []) {
      const list = unitsOf.get(departmentId) ?? [];
      list.push({ code: row.unitCode!, name: row.unitLabel!, budget: budgetFromRows(contentOf(row)) });
      unitsOf.set(departmentId, list);
    }
  }
  for (const list of unitsOf.values()) list.sort((a, b) => a.code.localeCompare(b.code));
  const modelOf = (row: Row, consolidated: boolean): Budget => {
    const own = budgetFromRows(contentOf(row));
    return consolidated ? consolidate(own, unitsOf.get(row.id) ?? []) : own;
  };
  // One catalogue check per year, not per budget: a dashboard reads a hundred budgets of one year.
  const catalogs = new Map<number, Catalog | null>();
  const stamps = new Map(rows.map((row) => [row.year, row.catalogStamp]));
  const catalogOf = async (year: number) => {
    if (!catalogs.has(year)) catalogs.set(year, await loadCatalog(tx, year, stamps.get(year)));
    return catalogs.get(year) ?? null;
  };
  const crosswalks = new Map<number, Crosswalk>();
  const priors = new Map<number, PriorYear>();
  const computed: ComputedPrior[] = [];
  const priorOf = async (last: Row): Promise<PriorYear | undefined> => {
    if (last.priorCached) return last.priorFigures ? priorFromStored(last.priorFigures) : undefined;
    // 上年预算数 come from last year's budget once approved (审核通过 or 已公开); while it is
    // reopened for 预算调整, from its last published version.
    let lastBudget: Budget | undefined;
    if (last.status === "APPROVED" || last.status === "PUBLISHED") lastBudget = modelOf(last, true);
    else if (last.snapshot) {
      const parsed = parsePackageValue(last.snapshot);
      if (parsed.ok) lastBudget = packageToBudget(parsed.pkg);
    }
    let prior: PriorYear | undefined;
    if (lastBudget) {
      // This year's catalogue carries the 1:1 crosswalk from last year when last year's is loaded.
      if (!crosswalks.has(last.year))
        crosswalks.set(last.year, (await catalogOf(last.year + 1))?.previous?.successors ?? (await loadCrosswalk(tx, last.year, last.year + 1)));
      prior = priorYearFromBudget(lastBudget, crosswalks.get(last.year));
    }
    computed.push({ budgetId: last.id, key: last.priorKey!, prior });
    return prior;
  };
  for (const last of rows) {
    if (!last.priorOf) continue;
    const prior = await priorOf(last);
    if (prior) for (const id of last.priorOf) priors.set(id, prior);
  }
  await storePriorFigures(tx, computed);
  const out: EngineInput[] = [];
  for (const row of rows) {
    if (!row.asked) continue;
    const catalog = await catalogOf(row.year);
    if (!catalog) throw new Error(`数据库中没有 ${row.year} 年的科目目录，请管理员导入 ${row.year} 年完整科目目录`);
    const prior = priors.get(row.id);
    out.push({ id: row.id, status: row.status, version: row.version, budget: modelOf(row, !options.ownPartOnly), catalog, ...(prior ? { prior } : {}) });
  }
  return out;
}

/** One budget for the engine, or null when it is outside `scope`. */
export async function loadForEngine(tx: Tx, id: number, scope: Prisma.BudgetWhereInput, options: { ownPartOnly?: boolean } = {}): Promise<EngineInput | null> {
  return (await loadManyForEngine(tx, [id], scope, options))[0] ?? null;
}
