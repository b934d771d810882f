/**
 * Loads the synthetic province into PostgreSQL with large multi-row inserts: each table of a
 * batch of budgets is one `INSERT … SELECT * FROM unnest($1::int[], $2::text[], …)`, i.e. one
 * statement and one round trip per table per batch whatever the number of rows (COPY would need
 * pg-copy-streams, which is not installed; unnest arrays come within a few percent of it).
 * Ids of regions, departments, sub-units, budgets and projects are assigned here (above what
 * the demo data already uses) so that child rows can reference them without a round trip, and
 * the sequences are moved past them at the end.
 */
import pg from "pg";
import {
  generateProvince,
  NARRATIVE_REASONS,
  regionCode,
  unitCode,
  yuan,
  type CatalogCodes,
  type GenBudget,
  type GenIndicator,
  type ProvinceShape,
} from "./generate-province";
import { nowMs, progress, round } from "./stats";

const BATCH = 250;
const ALL_FUNDS = [
  "generalBudget",
  "governmentFund",
  "stateCapital",
  "specialAccount",
  "operations",
  "superiorSubsidy",
  "subordinateRemit",
  "business",
  "other",
] as const;
const CARRYOVER = ["generalBudget", "governmentFund", "stateCapital"] as const;

export interface LoadedProvince {
  seconds: number;
  budgets: number;
  basicLines: number;
  projects: number;
  /** Budget id by "district/department/year". */
  budgetId(district: number, department: number, year: number): number;
  departmentId(district: number, department: number): number;
  regionId(district: number): number;
}

/** The codes the generator may draw from: the year's catalogue as stored in the database. */
export async function catalogCodes(client: pg.Client, year: number): Promise<CatalogCodes> {
  // Only 项 whose 款 and 类 are in the (partial) reference catalogue, so every printed row has a name.
  const f = await client.query<{ code: string }>(
    `select f.code from "FunctionSubject" f
      where f.year = $1 and f.level = 3
        and exists (select 1 from "FunctionSubject" k where k.year = f.year and k.code = left(f.code, 5))
        and exists (select 1 from "FunctionSubject" l where l.year = f.year and l.code = left(f.code, 3))
      order by f.code`,
    [year],
  );
  const e = await client.query<{ code: string }>(
    `select code from "EconomicSubject" where year = $1 and level = 2 and category in ('personnel', 'public') order by code`,
    [year],
  );
  if (f.rowCount === 0 || e.rowCount === 0) throw new Error(`no ${year} catalogue in the benchmark database`);
  return { functions: f.rows.map((r) => r.code), basicEconomics: e.rows.map((r) => r.code) };
}

async function nextId(client: pg.Client, table: string): Promise<number> {
  const r = await client.query<{ max: number | null }>(`select max(id) as max from "${table}"`);
  return (r.rows[0]?.max ?? 0) + 1;
}

/** Column arrays of one multi-row insert. */
class Columns {
  cols: unknown[][] = [];
  push(...values: unknown[]) {
    if (this.cols.length === 0) this.cols = values.map(() => []);
    if (values.length !== this.cols.length) throw new Error(`row of ${values.length} values into ${this.cols.length} columns`);
    values.forEach((v, i) => (this.cols[i] as unknown[]).push(v));
  }
  get rows() {
    return this.cols[0]?.length ?? 0;
  }
}

async function insert(client: pg.Client, table: string, columns: string[], types: string[], data: Columns) {
  if (data.rows === 0) return;
  const params = types.map((t, i) => `$${i + 1}::${t}[]`).join(", ");
  const aliases = columns.map((_, i) => `c${i}`);
  // Budget.functions is text[]; unnest flattens arrays of arrays, so it travels as one newline-joined text.
  const select = columns.map((c, i) => (c === "functions" ? `string_to_array(c${i}, E'\\n')` : `c${i}`)).join(", ");
  const sql = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) select ${select} from unnest(${params}) as u(${aliases.join(", ")})`;
  await client.query(sql, data.cols);
}

const OPERATOR_COLUMNS = ["position", "level1", "level2", "name", "unit", "operator", "value", "weight", "core"];
const OPERATOR_TYPES = ["int", "text", "text", "text", "text", '"IndicatorOperator"', "text", "numeric", "bool"];

function pushIndicators(into: Columns, owner: number, list: GenIndicator[]) {
  list.forEach((i, position) => into.push(owner, position, i.level1, i.level2, i.name, i.unit, i.operator, i.value, i.weight, i.core));
}

/**
 * Loads districts `shape.firstDistrict ?? 1`‥`shape.districts`. To grow a province already loaded
 * (districts 1‥firstDistrict−1), pass it as `earlier`: the result looks up both.
 */
export async function loadProvince(url: string, shape: ProvinceShape, earlier?: LoadedProvince): Promise<LoadedProvince> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = nowMs();
  try {
    // A bulk load need not wait for each commit to reach the disk; the data is synthetic.
    await client.query("set synchronous_commit = off");
    // Each year has its own catalogue (2010308 is 2023's only); the generator draws from one list,
    // so it uses the codes every year has (prior-year figures then stay valid as well).
    const perYear = [];
    for (const year of shape.years) perYear.push(await catalogCodes(client, year));
    const common = (lists: (readonly string[])[]) => lists.reduce((a, b) => a.filter((c) => b.includes(c)));
    const codes: CatalogCodes = {
      functions: common(perYear.map((c) => c.functions)),
      basicEconomics: common(perYear.map((c) => c.basicEconomics)),
    };
    if (codes.functions.length === 0) throw new Error("no function code shared by every year's catalogue");

    const regionIds = new Map<number, number>();
    const departmentIds = new Map<string, number>();
    const subUnitIds = new Map<string, number>();
    let regionNext = await nextId(client, "Region");
    let departmentNext = await nextId(client, "Department");
    let subUnitNext = await nextId(client, "SubUnit");
    const regions = new Columns();
    const departments = new Columns();
    const subUnits = new Columns();
    for (let d = shape.firstDistrict ?? 1; d <= shape.districts; d++) {
      regionIds.set(d, regionNext);
      regions.push(regionNext++, regionCode(d), `合成省第${d}区`);
      for (let u = 1; u <= shape.departments; u++) {
        const key = `${d}/${u}`;
        departmentIds.set(key, departmentNext);
        subUnitIds.set(key, subUnitNext);
        departments.push(departmentNext, regionIds.get(d), unitCode(u), `第${d}区部门${unitCode(u)}`);
        subUnits.push(subUnitNext++, departmentNext++, `${unitCode(u)}001`, "本级");
      }
    }
    await insert(client, "Region", ["id", "code", "name"], ["int", "text", "text"], regions);
    await insert(client, "Department", ["id", "regionId", "code", "name"], ["int", "int", "text", "text"], departments);
    await insert(client, "SubUnit", ["id", "departmentId", "code", "name"], ["int", "int", "text", "text"], subUnits);

    let budgetNext = await nextId(client, "Budget");
    let projectNext = await nextId(client, "Project");
    const budgetIds = new Map<string, number>();
    let batch: { id: number; b: GenBudget }[] = [];
    let count = 0;
    let basicLines = 0;
    let projects = 0;
    const total = (shape.districts - (shape.firstDistrict ?? 1) + 1) * shape.departments * shape.years.length;

    const flush = async () => {
      const t = writeBatch(batch, departmentIds, subUnitIds, () => projectNext++);
      basicLines += t.basicLines;
      projects += t.projects;
      for (const [table, columns, types, data] of t.inserts) await insert(client, table, columns, types, data);
      batch = [];
    };
    for (const b of generateProvince(shape, codes)) {
      const id = budgetNext++;
      budgetIds.set(`${b.district}/${b.department}/${b.year}`, id);
      batch.push({ id, b });
      count++;
      if (batch.length >= BATCH) await flush();
      if (count % 2000 === 0) progress(`loaded ${count}/${total} budgets (${round((nowMs() - started) / 1000, 1)} s)`);
    }
    if (batch.length > 0) await flush();

    for (const table of ["Region", "Department", "SubUnit", "Budget", "Project"]) {
      await client.query(`select setval(pg_get_serial_sequence('"${table}"', 'id'), (select max(id) from "${table}"))`);
    }
    // Fresh statistics, as autovacuum would give a live database: the plans measured are the real ones.
    await client.query("analyze");
    const seconds = round((nowMs() - started) / 1000, 1);
    // A live database at the deadline was vacuumed and checkpointed long before: without this,
    // autovacuum's first pass over the million rows just inserted and the checkpoint of their WAL
    // run during the measures that follow, on the same two cores. Not counted in the load's time.
    await client.query("vacuum");
    await client.query("checkpoint").catch(() => undefined); // needs a superuser or pg_checkpoint: optional

    const need = <K extends string | number>(map: Map<K, number>, key: K, before: (() => number) | undefined) => {
      const v = map.get(key);
      if (v !== undefined) return v;
      if (before) return before();
      throw new Error(`not in the synthetic province: ${key}`);
    };
    return {
      seconds: round(seconds + (earlier?.seconds ?? 0), 1),
      budgets: count + (earlier?.budgets ?? 0),
      basicLines: basicLines + (earlier?.basicLines ?? 0),
      projects: projects + (earlier?.projects ?? 0),
      budgetId: (d, u, y) => need(budgetIds, `${d}/${u}/${y}`, earlier && (() => earlier.budgetId(d, u, y))),
      departmentId: (d, u) => need(departmentIds, `${d}/${u}`, earlier && (() => earlier.departmentId(d, u))),
      regionId: (d) => need(regionIds, d, earlier && (() => earlier.regionId(d))),
    };
  } finally {
    await client.end();
  }
}

type Insert = [table: string, columns: string[], types: string[], data: Columns];

/** The rows of a batch of budgets, table by table, in foreign-key order. */
function writeBatch(
  batch: { id: number; b: GenBudget }[],
  departmentIds: Map<string, number>,
  subUnitIds: Map<string, number>,
  nextProjectId: () => number,
): { inserts: Insert[]; basicLines: number; projects: number } {
  const budgets = new Columns();
  const budgetSubUnits = new Columns();
  const income = new Columns();
  const basic = new Columns();
  const projects = new Columns();
  const projectIndicators = new Columns();
  const performance = new Columns();
  const threePublic = new Columns();
  const procurement = new Columns();
  const assets = new Columns();
  const narrative = new Columns();
  const prior = new Columns();
  const priorByFunction = new Columns();
  const functions = "负责本部门职责范围内的行政管理工作\n承办上级交办的其他事项";
  const now = new Date();

  for (const { id, b } of batch) {
    const key = `${b.district}/${b.department}`;
    const submitted = b.status === "DRAFT" ? null : now;
    const approved = b.status === "APPROVED" || b.status === "PUBLISHED" ? now : null;
    budgets.push(id, departmentIds.get(key), b.year, b.status, b.unitName, functions, now, submitted, approved, b.status === "PUBLISHED" ? now : null);
    budgetSubUnits.push(id, subUnitIds.get(key), 0);
    for (const fund of ALL_FUNDS) income.push(id, fund, false, yuan(fund === "generalBudget" || fund === "operations" ? b.income[fund] : 0));
    for (const fund of CARRYOVER) income.push(id, fund, true, "0.00");
    b.basic.forEach((l, position) => basic.push(id, position, l.function, l.economic, l.fund, yuan(l.fen)));
    b.projects.forEach((p, position) => {
      const projectId = nextProjectId();
      projects.push(
        projectId,
        id,
        position,
        p.code,
        p.name,
        b.subUnitCode,
        p.function,
        p.fund,
        yuan(p.fen),
        yuan(p.ownFen),
        yuan(p.superiorFen),
        p.category,
        p.summary,
        p.goal,
        "10",
        p.disclose,
      );
      pushIndicators(projectIndicators, projectId, p.indicators);
    });
    pushIndicators(performance, id, b.performance);
    threePublic.push(id, yuan(b.threePublic.abroadFen), "0.00", yuan(b.threePublic.vehicleOperationFen), yuan(b.threePublic.receptionFen));
    b.procurement.forEach((l, position) => procurement.push(id, position, l.category, yuan(l.fen)));
    assets.push(id, `${b.year - 1}-12`, b.vehicles, 0);
    const n = NARRATIVE_REASONS;
    narrative.push(
      id,
      n.incomeChange,
      n.expenditureChange,
      n.basicChange,
      n.basicUsage,
      n.projectChange,
      n.projectUsage,
      n.threePublicAbroad,
      n.threePublicVehiclePurchase,
      n.threePublicVehicleOperation,
      n.threePublicReception,
      n.operatingFundsChange,
      n.operatingFundsUsage,
    );
    if (b.prior) {
      const p = b.prior;
      prior.push(id, yuan(p.basicFen), yuan(p.projectFen), "0.00", "0.00", yuan(p.vehicleOperationFen), yuan(p.receptionFen), yuan(p.operatingFundsFen));
      for (const [code, fen] of [...p.byFunction.entries()].sort()) priorByFunction.push(id, code, yuan(fen));
    }
  }

  const inserts: Insert[] = [
    [
      "Budget",
      ["id", "departmentId", "year", "status", "unitName", "functions", "updatedAt", "submittedAt", "approvedAt", "publishedAt"],
      ["int", "int", "int", '"BudgetStatus"', "text", "text", "timestamp", "timestamp", "timestamp", "timestamp"],
      budgets,
    ],
    ["BudgetSubUnit", ["budgetId", "subUnitId", "position"], ["int", "int", "int"], budgetSubUnits],
    ["IncomeLine", ["budgetId", "fund", "carryover", "amount"], ["int", '"Fund"', "bool", "numeric"], income],
    ["BasicLine", ["budgetId", "position", "functionCode", "economicCode", "fund", "amount"], ["int", "int", "text", "text", '"Fund"', "numeric"], basic],
    [
      "Project",
      [
        "id",
        "budgetId",
        "position",
        "code",
        "name",
        "subUnitCode",
        "functionCode",
        "fund",
        "amount",
        "ownArrangement",
        "superiorSubsidy",
        "category",
        "summary",
        "goal",
        "executionRateWeight",
        "disclose",
      ],
      ["int", "int", "int", "text", "text", "text", "text", '"Fund"', "numeric", "numeric", "numeric", "text", "text", "text", "numeric", "bool"],
      projects,
    ],
    ["ProjectIndicator", ["projectId", ...OPERATOR_COLUMNS], ["int", ...OPERATOR_TYPES], projectIndicators],
    ["PerformanceIndicator", ["budgetId", ...OPERATOR_COLUMNS], ["int", ...OPERATOR_TYPES], performance],
    [
      "ThreePublic",
      ["budgetId", "abroad", "vehiclePurchase", "vehicleOperation", "reception"],
      ["int", "numeric", "numeric", "numeric", "numeric"],
      threePublic,
    ],
    ["ProcurementLine", ["budgetId", "position", "category", "amount"], ["int", "int", '"ProcurementCategory"', "numeric"], procurement],
    ["AssetHolding", ["budgetId", "asOf", "vehiclesGeneral", "plannedGeneral"], ["int", "text", "int", "int"], assets],
    [
      "NarrativeReasons",
      [
        "budgetId",
        "incomeChange",
        "expenditureChange",
        "basicChange",
        "basicUsage",
        "projectChange",
        "projectUsage",
        "threePublicAbroad",
        "threePublicVehiclePurchase",
        "threePublicVehicleOperation",
        "threePublicReception",
        "operatingFundsChange",
        "operatingFundsUsage",
      ],
      ["int", ...Array<string>(12).fill("text")],
      narrative,
    ],
    [
      "PriorYear",
      [
        "budgetId",
        "basic",
        "project",
        "threePublicAbroad",
        "threePublicVehiclePurchase",
        "threePublicVehicleOperation",
        "threePublicReception",
        "operatingFunds",
      ],
      ["int", ...Array<string>(7).fill("numeric")],
      prior,
    ],
    ["PriorFunctionAmount", ["budgetId", "functionCode", "amount"], ["int", "text", "numeric"], priorByFunction],
  ];
  return { inserts, basicLines: basic.rows, projects: projects.rows };
}
