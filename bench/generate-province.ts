/**
 * A deterministic synthetic province: districts × departments × years of valid budgets, drawn
 * from the subject codes of the year's catalogue in the database. Every budget balances per fund
 * (income = basic + project), every project's funding split adds up, 三公 covers the basic lines
 * on 30217/30231 and a first year carries a consistent 上年 block, so that the engine reports no
 * error on any of them and the benchmark measures the normal path, not the error path.
 *
 * Amounts are integers in fen here (exact and fast); the loader prints them as 元 strings.
 * Each budget has its own PRNG stream (seeded by district, department and year), so any one
 * budget can be regenerated on its own.
 */
import { intBetween, mulberry32, pickDistinct, seedOf, type Random } from "./prng";

export type FundName = "generalBudget" | "operations";
export type StatusName = "DRAFT" | "SUBMITTED" | "RETURNED" | "APPROVED" | "PUBLISHED";

export interface ProvinceShape {
  /** Districts 1‥districts; a province grown in two loads starts the second at `firstDistrict`. */
  districts: number;
  firstDistrict?: number;
  departments: number;
  years: readonly number[];
  basicLines: number;
  projects: number;
  seed: number;
}

export const PROVINCE: ProvinceShape = {
  districts: 40,
  departments: 100,
  years: [2023, 2024, 2025],
  basicLines: 100,
  projects: 10,
  seed: 20_240_601,
};

/** The catalogue codes a budget may use: 功能分类 项, and 经济分类 款 of 人员/公用 (basic expenditure). */
export interface CatalogCodes {
  functions: readonly string[];
  basicEconomics: readonly string[];
}

export interface GenIndicator {
  level1: string;
  level2: string;
  name: string;
  unit: string;
  operator: "ge" | "eq" | "le";
  value: string;
  weight: string;
  core: boolean;
}

export interface GenBasicLine {
  function: string;
  economic: string;
  fund: FundName;
  fen: number;
}

export interface GenProject {
  code: string;
  name: string;
  function: string;
  fund: FundName;
  fen: number;
  ownFen: number;
  superiorFen: number;
  category: string;
  summary: string;
  goal: string;
  disclose: boolean;
  indicators: GenIndicator[];
}

export interface GenPrior {
  byFunction: Map<string, number>;
  basicFen: number;
  projectFen: number;
  receptionFen: number;
  vehicleOperationFen: number;
  operatingFundsFen: number;
}

export interface GenBudget {
  district: number;
  department: number;
  year: number;
  status: StatusName;
  regionCode: string;
  regionName: string;
  unitCode: string;
  unitName: string;
  subUnitCode: string;
  income: Record<FundName, number>;
  basic: GenBasicLine[];
  projects: GenProject[];
  threePublic: { abroadFen: number; vehicleOperationFen: number; receptionFen: number };
  procurement: { category: "goods" | "services"; fen: number }[];
  vehicles: number;
  performance: GenIndicator[];
  prior?: GenPrior;
}

const DEPARTMENT_NAMES = [
  "人民政府办公室",
  "发展和改革委员会",
  "教育委员会",
  "科学技术局",
  "经济和信息化委员会",
  "民政局",
  "司法局",
  "财政局",
  "人力资源和社会保障局",
  "规划和自然资源局",
  "生态环境局",
  "住房和城乡建设委员会",
  "交通局",
  "水利局",
  "农业农村委员会",
  "商务委员会",
  "文化和旅游发展委员会",
  "卫生健康委员会",
  "退役军人事务局",
  "应急管理局",
  "审计局",
  "市场监督管理局",
  "统计局",
  "医疗保障局",
  "信访办公室",
  "机关事务管理局",
  "城市管理局",
  "林业局",
  "体育局",
  "档案馆",
];

export const regionCode = (district: number) => String(510100 + district);
export const unitCode = (department: number) => String(100 + department);

/** Who sees what: earlier years are approved, district 1's 2024 budgets are published, 2025 is being prepared. */
export function statusOf(district: number, department: number, year: number, years: readonly number[]): StatusName {
  const [first, middle] = years;
  if (year === first) return "APPROVED";
  if (year === middle) {
    if (district === 1) return "PUBLISHED";
    return department % 10 < 7 ? "APPROVED" : "SUBMITTED";
  }
  const r = department % 10;
  return r < 4 ? "DRAFT" : r < 9 ? "SUBMITTED" : "RETURNED";
}

/** 元 text of an amount in fen: exact, no floating point. */
export function yuan(fen: number): string {
  const whole = Math.floor(fen / 100);
  return `${whole}.${String(fen % 100).padStart(2, "0")}`;
}

function indicators(random: Random, weights: readonly string[]): GenIndicator[] {
  const names = ["完成率", "覆盖人数", "按时完成率", "群众满意度", "资金执行率"];
  return weights.map((weight, position) => ({
    level1: position === weights.length - 1 ? "满意度指标" : "产出指标",
    level2: position === weights.length - 1 ? "服务对象满意度指标" : "数量指标",
    name: names[(position + intBetween(random, 0, 4)) % names.length] as string,
    unit: "%",
    operator: "ge" as const,
    value: String(intBetween(random, 85, 99)),
    weight,
    core: position === 0,
  }));
}

/** One budget, reproducible from its coordinates alone. */
export function generateBudget(shape: ProvinceShape, codes: CatalogCodes, district: number, department: number, year: number): GenBudget {
  const random = mulberry32(seedOf(shape.seed, district, department, year));
  // The department's lines of work stay the same every year (its own seed), like a real one.
  const own = mulberry32(seedOf(shape.seed, district, department));
  const perFunction = Math.ceil(shape.basicLines / 5);
  const functions = pickDistinct(own, codes.functions, Math.max(1, Math.ceil(shape.basicLines / perFunction)));

  const basic: GenBasicLine[] = [];
  for (const fn of functions) {
    for (const economic of pickDistinct(random, codes.basicEconomics, perFunction)) {
      if (basic.length >= shape.basicLines) break;
      const personnel = economic.startsWith("301") || economic.startsWith("303");
      const fen = intBetween(random, personnel ? 2_000_000 : 200_000, personnel ? 300_000_000 : 20_000_000);
      // About one line in eight is paid from 事业收入-like own money, so T6–T8 have a second fund.
      basic.push({ function: fn, economic, fund: random() < 0.12 ? "operations" : "generalBudget", fen });
    }
  }

  const uCode = unitCode(department);
  const rCode = regionCode(district);
  const projects: GenProject[] = [];
  for (let i = 0; i < shape.projects; i++) {
    const fen = intBetween(random, 5_000_000, 500_000_000);
    const superiorFen = random() < 0.3 ? Math.floor(fen * random() * 0.5) : 0;
    projects.push({
      code: `${rCode}${year % 100}T${uCode}${String(i + 1).padStart(4, "0")}`,
      name: `${["信息化建设", "专项业务", "设备购置", "公共服务", "能力提升"][i % 5]}项目${i + 1}`,
      function: functions[i % functions.length] as string,
      fund: i === shape.projects - 1 ? "operations" : "generalBudget",
      fen,
      ownFen: fen - superiorFen,
      superiorFen,
      category: i % 3 === 0 ? "重点专项" : "一般项目",
      summary: "按照年度工作计划实施",
      goal: "按期完成年度任务，资金使用规范有效",
      disclose: i < 3,
      indicators: indicators(random, ["30", "30", "30"]),
    });
  }

  const income: Record<FundName, number> = { generalBudget: 0, operations: 0 };
  for (const l of basic) income[l.fund] += l.fen;
  for (const p of projects) income[p.fund] += p.fen;

  const generalOn = (economic: string) => basic.filter((l) => l.fund === "generalBudget" && l.economic === economic).reduce((a, l) => a + l.fen, 0);
  const vehicleOperationFen = generalOn("30231");
  const threePublic = { abroadFen: 0, vehicleOperationFen, receptionFen: generalOn("30217") };
  const generalProject = projects.filter((p) => p.fund === "generalBudget").reduce((a, p) => a + p.fen, 0);

  const budget: GenBudget = {
    district,
    department,
    year,
    status: statusOf(district, department, year, shape.years),
    regionCode: rCode,
    regionName: `合成省第${district}区`,
    unitCode: uCode,
    unitName: `第${district}区${DEPARTMENT_NAMES[(department - 1) % DEPARTMENT_NAMES.length]}${department > DEPARTMENT_NAMES.length ? `（${department}）` : ""}`,
    subUnitCode: `${uCode}001`,
    income,
    basic,
    projects,
    threePublic,
    procurement: [
      { category: "goods", fen: Math.floor(generalProject * 0.1) },
      { category: "services", fen: Math.floor(generalProject * 0.05) },
    ],
    vehicles: vehicleOperationFen > 0 ? intBetween(random, 1, 8) : 0,
    performance: indicators(random, ["40", "30", "30"]),
  };

  if (year === shape.years[0]) budget.prior = priorOf(random, budget);
  return budget;
}

/** A first year's own 上年 block: last year ±15 %, split by function so that basic + project = Σ functions. */
function priorOf(random: Random, b: GenBudget): GenPrior {
  const general = [...b.basic.filter((l) => l.fund === "generalBudget"), ...b.projects.filter((p) => p.fund === "generalBudget")];
  const byFunction = new Map<string, number>();
  for (const item of general) {
    const scaled = Math.round(item.fen * (0.85 + random() * 0.3));
    byFunction.set(item.function, (byFunction.get(item.function) ?? 0) + scaled);
  }
  const total = [...byFunction.values()].reduce((a, v) => a + v, 0);
  const basicShare = b.basic.filter((l) => l.fund === "generalBudget").reduce((a, l) => a + l.fen, 0);
  const allShare = general.reduce((a, l) => a + l.fen, 0);
  const basicFen = Math.round((total * basicShare) / Math.max(1, allShare));
  const operating = b.basic
    .filter((l) => l.fund === "generalBudget" && !(l.economic.startsWith("301") || l.economic.startsWith("303")))
    .reduce((a, l) => a + l.fen, 0);
  return {
    byFunction,
    basicFen,
    projectFen: total - basicFen,
    receptionFen: Math.round(b.threePublic.receptionFen * 1.1),
    vehicleOperationFen: Math.round(b.threePublic.vehicleOperationFen * 1.1),
    operatingFundsFen: Math.round(operating * 1.05),
  };
}

/** Every budget of the province in load order: year, then district, then department. */
export function* generateProvince(shape: ProvinceShape, codes: CatalogCodes): Generator<GenBudget> {
  for (const year of shape.years)
    for (let d = shape.firstDistrict ?? 1; d <= shape.districts; d++)
      for (let u = 1; u <= shape.departments; u++) yield generateBudget(shape, codes, d, u, year);
}

/** Narrative reasons every generated budget carries, so no year-on-year change is left unexplained. */
export const NARRATIVE_REASONS = {
  incomeChange: "主要是项目支出安排调整",
  expenditureChange: "主要是项目支出安排调整",
  basicChange: "主要是人员变动及社保缴费基数调整",
  basicUsage: "主要用于保障机构正常运转",
  projectChange: "主要是部分项目完结",
  projectUsage: "主要用于履行部门职责的专项业务",
  threePublicAbroad: "未安排因公出国（境）费",
  threePublicVehiclePurchase: "未安排公务用车购置",
  threePublicVehicleOperation: "主要是压减公务用车运行维护费",
  threePublicReception: "主要是贯彻落实中央八项规定精神，压减公务接待",
  operatingFundsChange: "主要是压减一般性支出",
  operatingFundsUsage: "主要用于办公费、水电费、差旅费等",
};
