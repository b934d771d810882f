/**
 * A budget package's import through plain `pg`, for the command line: the same validation, the
 * same rows and the same event as importPackageText (import-package.ts, through Prisma), but one
 * SQL statement per part of the budget and no Prisma in the process. Prisma's query compiler
 * compiles every query shape afresh in each process, and loading its client takes a quarter of a
 * second: together most of a one-package `budget import` (issue 17, `full_flow_s`), and of a
 * district's hundred (`district_import_s`). test/budgets/import-sql.test.ts proves that a budget
 * stored here reads back through the normal read exactly as the Prisma path's does.
 */
import type { ClientBase } from "pg";
import type { Budget, Indicator } from "@/lib/budget/model";
import { CARRYOVER_FUNDS, FUNDS } from "@/lib/budget/model";
import { parsePackageValue, readPackageText } from "@/lib/budget/package/schema";
import { amountChanges } from "@/lib/budget/amount-changes";
import type { BudgetStatus } from "@/generated/prisma/client";
import { loadCatalogSql } from "../catalog-read-sql";
import { ImportRejected } from "./package-department";
import { checkedBudget, refuseUnlessReplaceable } from "./import-checks";
import { storedChanges } from "./event-changes";
import { operatorToDb } from "./operators";
import { readBudgetSql } from "./content-sql";
import type { ImportOptions, ImportResult } from "./import-package";

/** Exact text of an amount (decimal.js), never a JS number; pg would send a Decimal object as quoted JSON. */
const money = (d: { toFixed(n: number): string }) => d.toFixed(2);
const text = <T>(v: T | undefined | null): T | null => v ?? null;

/**
 * Validates a budget package and stores it in one transaction on `client` (a connection of the
 * caller's, not inside a transaction). A 决算 package is handed to `importFinal`: it is stored as
 * a document through lib/db/finals, which the command line loads only when one comes.
 */
export async function importPackageTextSql(
  client: ClientBase,
  packageText: string,
  options: ImportOptions & { importFinal: (value: unknown) => Promise<ImportResult> },
): Promise<ImportResult> {
  const read = readPackageText(packageText);
  if (!read.ok) return read;
  if (typeof read.value === "object" && read.value !== null && (read.value as { kind?: unknown }).kind === "final") return options.importFinal(read.value);
  const parsed = parsePackageValue(read.value);
  if (!parsed.ok) return parsed;
  const pkg = parsed.pkg;
  await client.query("begin");
  try {
    const budget = checkedBudget(pkg, await loadCatalogSql(client, pkg.year));
    const departmentId = await departmentOf(client, pkg);
    const found = await client.query<{ id: number; status: BudgetStatus; version: number }>(
      `select id, status::text as status, version from "Budget"
        where "departmentId" = $1 and year = $2 and kind = $3::"BudgetKind" and "subUnitId" is null for update`,
      [departmentId, pkg.year, pkg.kind],
    );
    const existing = found.rows[0];
    refuseUnlessReplaceable(pkg, existing, options.replace);
    const before = existing ? await readBudgetSql(client, existing.id) : null;
    const status = existing?.status ?? options.status ?? "DRAFT";
    const u = budget.unit;
    const columns = [
      u.name,
      u.functions,
      text(u.structure),
      text(u.performanceOffice),
      text(u.contact.name),
      text(u.contact.phone),
      text(budget.performance.goal),
      budget.disclosure?.tables ?? [],
    ];
    const row = existing
      ? (
          await client.query<{ id: number; version: number }>(
            `update "Budget" set "unitName" = $2, functions = $3::text[], structure = $4, "performanceOffice" = $5, "contactName" = $6,
                    "contactPhone" = $7, "performanceGoal" = $8, "disclosureTables" = $9::text[], version = version + 1, "updatedAt" = now()
              where id = $1 returning id, version`,
            [existing.id, ...columns],
          )
        ).rows[0]!
      : (
          await client.query<{ id: number; version: number }>(
            `insert into "Budget" ("departmentId", year, kind, status, "unitName", functions, structure, "performanceOffice", "contactName",
                                   "contactPhone", "performanceGoal", "disclosureTables", "updatedAt")
             values ($1, $2, $3::"BudgetKind", $4::"BudgetStatus", $5, $6::text[], $7, $8, $9, $10, $11, $12::text[], now()) returning id, version`,
            [departmentId, pkg.year, pkg.kind, status, ...columns],
          )
        ).rows[0]!;
    await writeContentSql(client, row.id, departmentId, budget, existing !== undefined);
    await recordEventSql(client, {
      budgetId: row.id,
      status,
      version: row.version,
      actorId: options.actorId ?? null,
      action: existing ? "import.replace" : "import",
      comment: existing ? "导入预算包，替换原有内容" : "导入预算包",
      before,
      after: budget,
    });
    await client.query("commit");
    return { ok: true, budgetId: row.id, created: !existing };
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    if (error instanceof ImportRejected) return { ok: false, errors: error.errors };
    throw error;
  }
}

/** departmentOfPackage (package-department.ts) in SQL: a region's name is the admin's, a new department is created. */
async function departmentOf(client: ClientBase, pkg: { region: { code: string; name: string }; unit: { code: string; name: string } }): Promise<number> {
  const known = (await client.query<{ id: number; code: string; name: string }>(`select id, code, name from "Region" where code = $1`, [pkg.region.code]))
    .rows[0];
  if (known && known.name !== pkg.region.name) {
    throw new ImportRejected([
      {
        path: "region.name",
        message: `行政区划.区划名称（region.name）：区划 ${known.code} 在系统中名为“${known.name}”，预算包中为“${pkg.region.name}”，请核对区划代码或名称`,
      },
    ]);
  }
  const regionId =
    known?.id ??
    (await client.query<{ id: number }>(`insert into "Region" (code, name) values ($1, $2) returning id`, [pkg.region.code, pkg.region.name])).rows[0]!.id;
  const { rows } = await client.query<{ id: number }>(
    `with created as (insert into "Department" ("regionId", code, name) values ($1, $2, $3) on conflict ("regionId", code) do nothing returning id)
     select id from created union all select id from "Department" where "regionId" = $1 and code = $2 limit 1`,
    [regionId, pkg.unit.code, pkg.unit.name],
  );
  return rows[0]!.id;
}

const indicatorColumns = (list: Indicator[]) => ({
  level1: list.map((i) => text(i.level1)),
  level2: list.map((i) => text(i.level2)),
  name: list.map((i) => i.name),
  unit: list.map((i) => text(i.unit)),
  operator: list.map((i) => operatorToDb(i.operator)),
  value: list.map((i) => i.value),
  weight: list.map((i) => text(i.weight)),
  core: list.map((i) => i.core),
});

/** The content tables of the budget, as writeBudgetContent (write-budget.ts) writes them: one statement per part. */
async function writeContentSql(client: ClientBase, budgetId: number, departmentId: number, b: Budget, replacing: boolean) {
  const q = (sql: string, values: unknown[]) => client.query(sql, values);
  if (replacing) {
    // A project's indicators go with it (ON DELETE CASCADE).
    await q(
      `with a as (delete from "BudgetSubUnit" where "budgetId" = $1), b as (delete from "IncomeLine" where "budgetId" = $1),
            c as (delete from "BasicLine" where "budgetId" = $1), d as (delete from "Project" where "budgetId" = $1),
            e as (delete from "ThreePublic" where "budgetId" = $1), f as (delete from "ProcurementLine" where "budgetId" = $1),
            g as (delete from "AssetHolding" where "budgetId" = $1), h as (delete from "PerformanceIndicator" where "budgetId" = $1),
            i as (delete from "NarrativeReasons" where "budgetId" = $1), j as (delete from "PriorYear" where "budgetId" = $1),
            k as (delete from "PriorFunctionAmount" where "budgetId" = $1)
       select 1`,
      [budgetId],
    );
  }
  const subUnits = b.unit.subUnits;
  if (subUnits.length > 0) {
    await q(
      `with s as (insert into "SubUnit" ("departmentId", code, name) select $2, c, n from unnest($3::text[], $4::text[]) as x(c, n)
                  on conflict ("departmentId", code) do update set name = excluded.name returning id, code)
       insert into "BudgetSubUnit" ("budgetId", "subUnitId", position) select $1, s.id, x.p - 1 from unnest($3::text[]) with ordinality as x(c, p) join s on s.code = x.c`,
      [budgetId, departmentId, subUnits.map((s) => s.code), subUnits.map((s) => s.name)],
    );
  }
  const { carryover, ...current } = b.income;
  const income = [
    ...FUNDS.map((fund) => [fund, false, money(current[fund])] as const),
    ...CARRYOVER_FUNDS.map((fund) => [fund, true, money(carryover[fund])] as const),
  ];
  await q(
    `insert into "IncomeLine" ("budgetId", fund, carryover, amount) select $1, f::"Fund", c, a from unnest($2::text[], $3::bool[], $4::numeric[]) as x(f, c, a)`,
    [budgetId, income.map((i) => i[0]), income.map((i) => i[1]), income.map((i) => i[2])],
  );
  const lines = b.basicExpenditure;
  if (lines.length > 0) {
    await q(
      `insert into "BasicLine" ("budgetId", position, "subUnitCode", "functionCode", "economicCode", fund, amount)
       select $1, p - 1, s, f, e, u::"Fund", a from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::numeric[]) with ordinality as x(s, f, e, u, a, p)`,
      [
        budgetId,
        lines.map((l) => text(l.subUnit)),
        lines.map((l) => l.function),
        lines.map((l) => l.economic),
        lines.map((l) => l.fund),
        lines.map((l) => money(l.amount)),
      ],
    );
  }
  const projects = b.projects;
  if (projects.length > 0) {
    const indicators = projects.flatMap((p, position) => p.indicators.map((i, at) => ({ position, at, i })));
    const ind = indicatorColumns(indicators.map((x) => x.i));
    // The projects and all their indicators in one statement, joined by the project's position.
    await q(
      `with p as (
         insert into "Project" ("budgetId", position, code, name, "subUnitCode", "functionCode", "economicCode", fund, amount, "ownArrangement",
                                "superiorSubsidy", category, owner, summary, basis, goal, "executionRateWeight", disclose, tier, "programCode")
         select $1, n - 1, code, name, su, fc, ec, fu::"Fund", am, oa, ss, ca, ow, sm, ba, go, ew, di, ti, pc
           from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::numeric[], $9::numeric[], $10::numeric[],
                       $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::numeric[], $17::bool[], $18::text[], $19::text[])
                with ordinality as x(code, name, su, fc, ec, fu, am, oa, ss, ca, ow, sm, ba, go, ew, di, ti, pc, n)
         returning id, position)
       insert into "ProjectIndicator" ("projectId", position, level1, level2, name, unit, operator, value, weight, core)
       select p.id, i.at, i.l1, i.l2, i.nm, i.un, i.op::"IndicatorOperator", i.va, i.we, i.co
         from unnest($20::int[], $21::int[], $22::text[], $23::text[], $24::text[], $25::text[], $26::text[], $27::text[], $28::numeric[], $29::bool[])
              as i(pp, at, l1, l2, nm, un, op, va, we, co)
         join p on p.position = i.pp
        order by i.pp, i.at`,
      [
        budgetId,
        projects.map((p) => p.code),
        projects.map((p) => p.name),
        projects.map((p) => p.subUnit),
        projects.map((p) => p.function),
        projects.map((p) => text(p.economic)),
        projects.map((p) => p.fund),
        projects.map((p) => money(p.amount)),
        projects.map((p) => money(p.ownArrangement)),
        projects.map((p) => money(p.superiorSubsidy)),
        projects.map((p) => text(p.category)),
        projects.map((p) => text(p.owner)),
        projects.map((p) => text(p.summary)),
        projects.map((p) => text(p.basis)),
        projects.map((p) => text(p.goal)),
        projects.map((p) => text(p.executionRateWeight)),
        projects.map((p) => p.disclose),
        projects.map((p) => text(p.tier)),
        projects.map((p) => text(p.program)),
        indicators.map((x) => x.position),
        indicators.map((x) => x.at),
        ind.level1,
        ind.level2,
        ind.name,
        ind.unit,
        ind.operator,
        ind.value,
        ind.weight,
        ind.core,
      ],
    );
  }
  const tp = b.threePublic;
  await q(`insert into "ThreePublic" ("budgetId", abroad, "vehiclePurchase", "vehicleOperation", reception) values ($1, $2, $3, $4, $5)`, [
    budgetId,
    money(tp.abroad),
    money(tp.vehiclePurchase),
    money(tp.vehicleOperation),
    money(tp.reception),
  ]);
  if (b.procurement.length > 0) {
    await q(
      `insert into "ProcurementLine" ("budgetId", position, category, fund, amount)
       select $1, p - 1, c::"ProcurementCategory", f::"Fund", a from unnest($2::text[], $3::text[], $4::numeric[]) with ordinality as x(c, f, a, p)`,
      [budgetId, b.procurement.map((l) => l.category), b.procurement.map((l) => l.fund), b.procurement.map((l) => money(l.amount))],
    );
  }
  const { vehicles, plannedPurchase } = b.assets;
  await q(
    `insert into "AssetHolding" ("budgetId", "asOf", "vehiclesGeneral", "vehiclesLawEnforcement", "vehiclesOther", "plannedGeneral", "plannedLawEnforcement", "plannedOther")
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      budgetId,
      text(b.assets.asOf),
      vehicles.general,
      vehicles.lawEnforcement,
      vehicles.other,
      plannedPurchase.general,
      plannedPurchase.lawEnforcement,
      plannedPurchase.other,
    ],
  );
  const perf = b.performance.indicators;
  if (perf.length > 0) {
    const c = indicatorColumns(perf);
    await q(
      `insert into "PerformanceIndicator" ("budgetId", position, level1, level2, name, unit, operator, value, weight, core)
       select $1, p - 1, l1, l2, nm, un, op::"IndicatorOperator", va, we, co
         from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::numeric[], $9::bool[]) with ordinality as x(l1, l2, nm, un, op, va, we, co, p)`,
      [budgetId, c.level1, c.level2, c.name, c.unit, c.operator, c.value, c.weight, c.core],
    );
  }
  const n = b.narrative;
  await q(
    `insert into "NarrativeReasons" ("budgetId", "incomeChange", "expenditureChange", "basicChange", "basicUsage", "projectChange", "projectUsage",
                                     "threePublicAbroad", "threePublicVehiclePurchase", "threePublicVehicleOperation", "threePublicReception",
                                     "operatingFundsChange", "operatingFundsUsage", glossary)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      budgetId,
      text(n.incomeChange),
      text(n.expenditureChange),
      text(n.basicChange),
      text(n.basicUsage),
      text(n.projectChange),
      text(n.projectUsage),
      text(n.threePublic.abroad),
      text(n.threePublic.vehiclePurchase),
      text(n.threePublic.vehicleOperation),
      text(n.threePublic.reception),
      text(n.operatingFundsChange),
      text(n.operatingFundsUsage),
      text(n.glossary),
    ],
  );
  const p = b.priorYear;
  if (p) {
    const byFunction = Object.entries(p.expenditureByFunction ?? {});
    await q(
      `with y as (insert into "PriorYear" ("budgetId", basic, project, "threePublicAbroad", "threePublicVehiclePurchase", "threePublicVehicleOperation",
                                           "threePublicReception", "operatingFunds") values ($1, $2, $3, $4, $5, $6, $7, $8))
       insert into "PriorFunctionAmount" ("budgetId", "functionCode", amount) select $1, f, a from unnest($9::text[], $10::numeric[]) as x(f, a)`,
      [
        budgetId,
        money(p.basic),
        money(p.project),
        money(p.threePublic.abroad),
        money(p.threePublic.vehiclePurchase),
        money(p.threePublic.vehicleOperation),
        money(p.threePublic.reception),
        money(p.operatingFunds),
        byFunction.map(([code]) => code),
        byFunction.map(([, amount]) => money(amount)),
      ],
    );
  }
}

/** recordEvent (commit-content.ts) on the import's client: the event with every amount it changed. */
async function recordEventSql(
  client: ClientBase,
  e: { budgetId: number; status: BudgetStatus; version: number; actorId: number | null; action: string; comment: string; before: Budget | null; after: Budget },
) {
  const changes = amountChanges(e.before, e.after);
  await client.query(
    `insert into "BudgetEvent" ("budgetId", "actorId", action, "fromStatus", "toStatus", version, comment, changes)
     values ($1, $2, $3, $4::"BudgetStatus", $5::"BudgetStatus", $6, $7, $8::jsonb)`,
    [e.budgetId, e.actorId, e.action, e.before ? e.status : null, e.status, e.version, e.comment, storedChanges(changes)],
  );
}
