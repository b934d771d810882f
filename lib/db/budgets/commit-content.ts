import type { Budget } from "@/lib/budget/model";
import { amountChanges } from "@/lib/budget/amount-changes";
import { Prisma, type BudgetStatus } from "@/generated/prisma/client";
import { ALL_PARTS, BUDGET_PARTS, type BudgetPart, type PackageKey } from "@/lib/budget/parts";
import { FUND_LABELS } from "@/lib/budget/package/labels";
import { PREPARED, queryRows } from "../connect";
import { storedChanges } from "./event-changes";
import { basicLineRows, budgetColumns, writeBudgetContent } from "./write-budget";

export const EDITABLE_STATUSES = ["DRAFT", "RETURNED"] as const satisfies readonly BudgetStatus[];

/**
 * Replaces a budget's content inside the caller's transaction, if and only if nobody changed it
 * since `expectedVersion` and it is still editable: the version check and bump are one
 * conditional UPDATE, so of two concurrent saves exactly one matches. Returns the new version,
 * or null when the other save won (the caller reports a conflict and nothing is written).
 */
export async function commitContent(
  tx: Prisma.TransactionClient,
  row: { id: number; departmentId: number; status: BudgetStatus },
  expectedVersion: number,
  before: Budget,
  budget: Budget,
  event: { actorId: number | null; action: string; comment: string },
  parts: readonly BudgetPart[] = ALL_PARTS,
): Promise<number | null> {
  // Plain statements with bound parameters, not Prisma's query builder: a save's CPU is what 20
  // editors at once queue for (issue 17 (5)). "updatedAt" is Prisma's @updatedAt, set here by hand
  // as Prisma sets it: the client's clock, in UTC (see utcNow).
  const bumped = await tx.$executeRaw(bumpVersion(row.id, expectedVersion, budget, utcNow()));
  if (bumped !== 1) return null;
  await writeBudgetContent(tx, row.id, row.departmentId, budget, parts);
  const version = expectedVersion + 1;
  await recordEvent(tx, { budgetId: row.id, status: row.status, version, ...event }, before, budget, partKeys(parts));
  return version;
}

/**
 * The conditional version bump both write paths start with, writing the budget row's own columns:
 * it matches only while the budget still has `expectedVersion` and is editable. "updatedAt" is
 * Prisma's @updatedAt, set by hand as Prisma sets it (see utcNow).
 */
function bumpVersion(id: number, expectedVersion: number, budget: Budget, at: Prisma.Sql): Prisma.Sql {
  const c = budgetColumns(budget);
  return Prisma.sql`
    update "Budget"
       set "unitName" = ${c.unitName}, functions = ${c.functions}::text[], structure = ${c.structure},
           "performanceOffice" = ${c.performanceOffice}, "contactName" = ${c.contactName}, "contactPhone" = ${c.contactPhone},
           "performanceGoal" = ${c.performanceGoal}, "disclosureTables" = ${c.disclosureTables}::text[],
           version = version + 1, "updatedAt" = ${at}
     where ${stillEditable(id, expectedVersion)}`;
}

/** Over "Budget": the budget `id` while it still has `expectedVersion` and is editable. */
const stillEditable = (id: number, expectedVersion: number) =>
  Prisma.sql`id = ${id} and version = ${expectedVersion} and status::text = any(${[...EDITABLE_STATUSES]}::text[])`;

/** The package keys of `parts`: what the trail diffs. */
const partKeys = (parts: readonly BudgetPart[]): PackageKey[] => BUDGET_PARTS.filter((p) => parts.includes(p.part)).map((p) => p.key);

/**
 * Whether commitInOneStatement can write `parts`: those whose rows it writes with the version
 * bump and the trail in one statement (the basic lines, the section 20 editors save at once).
 */
export function oneStatementParts(parts: readonly BudgetPart[]): boolean {
  return parts.length === 1 && parts[0] === "basic";
}

/**
 * commitContent for the parts oneStatementParts accepts, as **one statement** (queryRows: on the
 * pool under the client's adapter where there is one): the conditional UPDATE, the part's delete
 * and insert, the trail event and its amount changes as data-modifying CTEs. One statement is one transaction (all or nothing, no
 * partial write) and one round trip instead of seven, whose sending cost a save more CPU than its
 * checks (issue 17 (5)). The UPDATE still takes the row lock and re-checks version and status
 * after waiting for it (read committed re-evaluates the updated row), so of two concurrent saves
 * exactly one matches; when it matches nothing, nothing else is written and this returns null.
 * The delete runs to completion before the first line is inserted (the insert waits on its
 * count), so the unique key of a kept line is free again.
 *
 * Saving the lines stored already is not an edit: when the lines to write equal the stored ones
 * (order, sub-unit, codes, fund and amount), nothing is written and the result says `unchanged`,
 * at the version the budget still has (null if it moved meanwhile). The comparison is here, not
 * in the caller, so that a save never reads its 200 lines only to compare them (issue 17 (5)).
 *
 * The trail's amount changes are the lines the statement deleted against those it inserted,
 * compared in PostgreSQL (basicLineChanges) rather than by amountChanges here: the saves of 20
 * editors at once queue for this process's one thread, and the diff with its ~60 KB of JSON to
 * send was a fifth of a save's time on it. test/workspace/save-section.test.ts holds the two
 * equal, order included.
 */
export async function commitInOneStatement(
  db: Prisma.TransactionClient,
  row: { id: number; status: BudgetStatus },
  expectedVersion: number,
  budget: Budget,
  event: { actorId: number | null; action: string; comment: string },
): Promise<{ version: number; unchanged: boolean } | null> {
  const at = utcNow();
  // Prepared (PREPARED): the same text for every basic save, so each connection plans it once.
  const query = Prisma.sql`${Prisma.raw(PREPARED)}
    with incoming as (select s, f, e, u, a, p from ${basicLineRows(budget)}),
    same as (
      select not exists (
               select from (select x.position + 1 as p, x."subUnitCode" as s, x."functionCode" as f, x."economicCode" as e,
                                   x.fund::text as u, x.amount as a
                              from "BasicLine" x where x."budgetId" = ${row.id}) was
               full join incoming n using (p)
              where was.f is null or n.f is null or was.s is distinct from n.s or was.f <> n.f or was.e <> n.e or was.u <> n.u or was.a <> n.a
             ) as v),
    bumped as (${bumpVersion(row.id, expectedVersion, budget, at)} and not (select v from same) returning id, version),
    gone as (
      delete from "BasicLine" where "budgetId" = (select id from bumped)
      returning "functionCode" as f, "economicCode" as e, fund::text as u, amount as a),
    lines as (
      insert into "BasicLine" ("budgetId", position, "subUnitCode", "functionCode", "economicCode", fund, amount)
      select b.id, p - 1, s, f, e, u::"Fund", a
        from bumped b, incoming
       where (select count(*) from gone) >= 0
       order by p
      returning "functionCode" as f, "economicCode" as e, fund::text as u, amount as a),
    event as (
      insert into "BudgetEvent" ("budgetId", "actorId", at, action, "fromStatus", "toStatus", version, comment, changes)
      select b.id, ${event.actorId}::int, ${at}, ${event.action}, ${row.status}::"BudgetStatus", ${row.status}::"BudgetStatus", b.version, ${event.comment},
             (${basicLineChanges()})
        from bumped b)
    select version, false as unchanged from bumped
    union all
    select version, true from "Budget"
     where ${stillEditable(row.id, expectedVersion)} and (select v from same)`;
  const rows = await queryRows<{ version: number; unchanged: boolean }>(db, query);
  return rows[0] ?? null;
}

/**
 * amountChanges (lib/budget/amount-changes.ts) of the basic lines, in SQL over the CTEs `gone`
 * (the lines before) and `lines` (after), both (f, e, u, a): lines of one key (function ×
 * economic × fund; sub-units apart) add up; an amount added or removed counts unless zero, a kept
 * one when it differs; keys in code-unit order; labels and values as budgetAmounts writes them
 * (numeric(18,2)::text is toFixed(2)).
 */
function basicLineChanges(): Prisma.Sql {
  const funds = Object.entries(FUND_LABELS);
  return Prisma.sql`
    select coalesce(jsonb_agg(jsonb_build_object(
             'key', 'basic/' || f || '/' || e || '/' || u,
             'label', '基本支出 ' || f || ' × ' || e || '（' || coalesce(l.label, u) || '）',
             'oldValue', o::text, 'newValue', n::text) order by ('basic/' || f || '/' || e || '/' || u) collate "C"), '[]'::jsonb)
      from (select f, e, u, sum(a) as o from gone group by f, e, u) was
      full join (select f, e, u, sum(a) as n from lines group by f, e, u) now using (f, e, u)
      left join unnest(${funds.map(([k]) => k)}::text[], ${funds.map(([, v]) => v)}::text[]) as l(fund, label) on l.fund = u
     where (o is null and n <> 0) or (n is null and o <> 0) or o <> n`;
}

/**
 * The time of a write as Prisma stamps `@default(now())` and `@updatedAt`: the client's clock when
 * the statement is sent, stored as UTC in a timestamp(3) column (not the column default, which is
 * the start of a transaction that may have run for seconds, as an import's does).
 */
function utcNow(): Prisma.Sql {
  return Prisma.sql`(${new Date().toISOString()}::timestamptz at time zone 'UTC')`;
}

/** The event of a content change, with every amount it changed (old and new value) in `parts` (all by default). */
export async function recordEvent(
  tx: Prisma.TransactionClient,
  event: { budgetId: number; status: BudgetStatus; version: number; actorId: number | null; action: string; comment: string },
  before: Budget | null,
  after: Budget,
  parts?: readonly PackageKey[],
) {
  await tx.$executeRaw`
    insert into "BudgetEvent" ("budgetId", "actorId", at, action, "fromStatus", "toStatus", version, comment, changes)
    values (${event.budgetId}, ${event.actorId}, ${utcNow()}, ${event.action}, ${before ? event.status : null}::"BudgetStatus",
            ${event.status}::"BudgetStatus", ${event.version}, ${event.comment}, ${storedChanges(amountChanges(before, after, parts))}::jsonb)`;
}
