import type { BudgetPackage } from "@/lib/budget/package/schema";
import { STANDARD_GLOSSARY_TEXT } from "@/lib/budget/narrative/sections";
import { emptyAmounts } from "./basic-lines";
import { breaksAsNewlines } from "@/lib/budget/text-lines";
import { BUDGET_PARTS, partOfPath, partOfSection, type SectionId } from "@/lib/budget/parts";

/**
 * The sections of the accountant's workspace, in the order of the published document. A section
 * edits one slice of the budget as a Budget Package in 元: `pick` reads the slice into form
 * values, `apply` writes form values back. Validation is the package schema itself (run on the
 * whole package after `apply`), so the form, the server action and the importer share one schema.
 */
export type { SectionId } from "@/lib/budget/parts";
export { isSectionId, SECTION_ORDER } from "@/lib/budget/parts";

type Pkg = BudgetPackage;

export interface SectionDef<V> {
  id: SectionId;
  label: string;
  pick(pkg: Pkg): V;
  apply(pkg: Pkg, values: V): Pkg;
  /** Package path prefixes this section owns (for routing findings and errors to it). */
  paths: string[];
  /** Form field name of a package path inside this section, or undefined when it is not a field here. */
  fieldOf(path: string): string | undefined;
  /** Checks of the form's input the package schema cannot make (it reads an empty amount as zero). */
  check?(values: V): { path: string; message: string }[];
}

// "projects[2].indicators[0].weight" → "projects.2.indicators.0.weight" (react-hook-form names).
export function pathToField(path: string): string {
  return path.replace(/\[(\d+)\]/g, ".$1");
}

// Optional numeric fields: an empty box means "not given" (an amount then counts as zero), not
// an invalid "" the schema would refuse.
const OPTIONAL_NUMERIC = new Set([
  "amount",
  "ownArrangement",
  "superiorSubsidy",
  "generalBudget",
  "governmentFund",
  "stateCapital",
  "specialAccount",
  "operations",
  "subordinateRemit",
  "business",
  "other",
  "abroad",
  "vehiclePurchase",
  "vehicleOperation",
  "reception",
  "economic",
  "executionRateWeight",
  "weight",
  "basic",
  "project",
  "operatingFunds",
]);

// Optional text where an empty box means "not published": 一级/二级指标 of a flat indicator list,
// the 一级项目 a project belongs to, and the tier (an ordinary project has none).
const OPTIONAL_TEXT = new Set(["level1", "level2", "program", "tier"]);

export function dropEmpty<T>(value: T): T {
  if (Array.isArray(value)) return value.map(dropEmpty) as T;
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === "" && (OPTIONAL_NUMERIC.has(k) || OPTIONAL_TEXT.has(k))) continue;
      out[k] = dropEmpty(v);
    }
    return out as T;
  }
  return value;
}

/** A section's id, label and package key, from the one registry of budget parts. */
function registered(id: SectionId): Pick<SectionDef<unknown>, "id" | "label" | "paths"> {
  const part = partOfSection(id);
  return { id, label: part.label, paths: [part.key] };
}

function under(prefix: string, path: string): string | undefined {
  if (path === prefix) return "";
  if (path.startsWith(`${prefix}.`)) return path.slice(prefix.length + 1);
  if (path.startsWith(`${prefix}[`)) return path.slice(prefix.length);
  return undefined;
}

export type UnitValues = {
  functions: { text: string }[];
  structure: string;
  subUnits: { code: string; name: string }[];
  performanceOffice: string;
  contact: { name: string; phone: string };
};

const unit: SectionDef<UnitValues> = {
  ...registered("unit"),
  pick: (p) => ({
    functions: (p.unit.functions ?? []).map((text) => ({ text })),
    structure: p.unit.structure ?? "",
    subUnits: (p.unit.subUnits ?? []).map((s) => ({ ...s })),
    performanceOffice: p.unit.performanceOffice ?? "",
    contact: { name: p.unit.contact?.name ?? "", phone: p.unit.contact?.phone ?? "" },
  }),
  apply: (p, v) => ({
    ...p,
    unit: {
      ...p.unit,
      functions: v.functions.map((f) => f.text),
      structure: v.structure,
      subUnits: v.subUnits.map((s) => ({ code: s.code.trim(), name: s.name.trim() })),
      performanceOffice: v.performanceOffice,
      contact: { name: v.contact.name, phone: v.contact.phone },
    },
  }),
  fieldOf: (path) => {
    const rest = under("unit", path);
    if (rest === undefined) return undefined;
    const field = pathToField(rest).replace(/^\./, "");
    return /^functions\.\d+$/.test(field) ? `${field}.text` : field;
  },
};

type IncomeValues = NonNullable<Pkg["income"]>;
const income: SectionDef<IncomeValues> = {
  ...registered("income"),
  pick: (p) => structuredClone(p.income ?? {}),
  apply: (p, v) => ({ ...p, income: dropEmpty(v) }),
  fieldOf: (path) => {
    const rest = under("income", path);
    return rest === undefined ? undefined : pathToField(rest).replace(/^\./, "");
  },
};

function listSection<K extends "basicExpenditure" | "projects" | "procurement">(id: SectionId, key: K): SectionDef<{ [P in K]: NonNullable<Pkg[K]> }> {
  return {
    ...registered(id),
    pick: (p) => ({ [key]: structuredClone(p[key] ?? []) }) as { [P in K]: NonNullable<Pkg[K]> },
    apply: (p, v) => ({ ...p, [key]: dropEmpty(v[key]) }),
    fieldOf: (path) => (under(key, path) === undefined ? undefined : pathToField(path)),
  };
}

type ThreePublicValues = { threePublic: NonNullable<Pkg["threePublic"]> };
const threePublic: SectionDef<ThreePublicValues> = {
  ...registered("three-public"),
  pick: (p) => ({ threePublic: { ...(p.threePublic ?? {}) } }),
  apply: (p, v) => ({ ...p, threePublic: dropEmpty(v.threePublic) }),
  fieldOf: (path) => (under("threePublic", path) === undefined ? undefined : pathToField(path)),
};

type AssetValues = { assets: NonNullable<Pkg["assets"]> };
const assets: SectionDef<AssetValues> = {
  ...registered("assets"),
  pick: (p) => ({ assets: structuredClone(p.assets ?? {}) }),
  apply: (p, v) => ({ ...p, assets: v.assets }),
  fieldOf: (path) => (under("assets", path) === undefined ? undefined : pathToField(path)),
};

type PerformanceValues = { performance: NonNullable<Pkg["performance"]> };
const performance: SectionDef<PerformanceValues> = {
  ...registered("performance"),
  pick: (p) => ({ performance: { goal: p.performance?.goal ?? "", indicators: structuredClone(p.performance?.indicators ?? []) } }),
  apply: (p, v) => ({ ...p, performance: dropEmpty(v.performance) }),
  fieldOf: (path) => (under("performance", path) === undefined ? undefined : pathToField(path)),
};

type NarrativeValues = { narrative: NonNullable<Pkg["narrative"]> };
const NARRATIVE_KEYS = [
  "incomeChange",
  "expenditureChange",
  "basicChange",
  "basicUsage",
  "projectChange",
  "projectUsage",
  "operatingFundsChange",
  "operatingFundsUsage",
] as const;
const narrative: SectionDef<NarrativeValues> = {
  ...registered("narrative"),
  pick: (p) => {
    const n = p.narrative ?? {};
    return {
      narrative: {
        ...Object.fromEntries(NARRATIVE_KEYS.map((k) => [k, n[k] ?? ""])),
        threePublic: {
          abroad: n.threePublic?.abroad ?? "",
          vehiclePurchase: n.threePublic?.vehiclePurchase ?? "",
          vehicleOperation: n.threePublic?.vehicleOperation ?? "",
          reception: n.threePublic?.reception ?? "",
        },
        // Shown as the standard text until the department writes its own.
        glossary: n.glossary ?? STANDARD_GLOSSARY_TEXT,
      },
    };
  },
  apply: (p, v) => {
    const { glossary, ...rest } = v.narrative;
    // The standard text (or nothing) is stored as "not overridden", so it follows the standard.
    const own = glossary !== undefined && glossary.trim() !== "" && glossary.trim() !== STANDARD_GLOSSARY_TEXT ? { glossary } : {};
    return { ...p, narrative: { ...rest, ...own } };
  },
  fieldOf: (path) => (under("narrative", path) === undefined ? undefined : pathToField(path)),
};

export type PriorValues = {
  priorYear: {
    basic: string;
    project: string;
    operatingFunds: string;
    threePublic: { abroad: string; vehiclePurchase: string; vehicleOperation: string; reception: string };
    expenditureByFunction: { code: string; amount: string }[];
  };
};

const PRIOR_AMOUNTS = ["basic", "project", "operatingFunds"] as const;
const THREE_PUBLIC_KEYS = ["abroad", "vehiclePurchase", "vehicleOperation", "reception"] as const;

/**
 * 上年预算数 for a budget whose previous year is not in 明账 (a first year). Left wholly empty it
 * means "no prior-year data" (the 上年 columns are then left out), not zero.
 */
const prior: SectionDef<PriorValues> = {
  ...registered("prior"),
  pick: (p) => ({
    priorYear: {
      basic: p.priorYear?.basic ?? "",
      project: p.priorYear?.project ?? "",
      operatingFunds: p.priorYear?.operatingFunds ?? "",
      threePublic: {
        abroad: p.priorYear?.threePublic?.abroad ?? "",
        vehiclePurchase: p.priorYear?.threePublic?.vehiclePurchase ?? "",
        vehicleOperation: p.priorYear?.threePublic?.vehicleOperation ?? "",
        reception: p.priorYear?.threePublic?.reception ?? "",
      },
      expenditureByFunction: Object.entries(p.priorYear?.expenditureByFunction ?? {}).map(([code, amount]) => ({ code, amount })),
    },
  }),
  apply: (p, v) => {
    const y = v.priorYear;
    const empty =
      PRIOR_AMOUNTS.every((k) => y[k].trim() === "") && THREE_PUBLIC_KEYS.every((k) => y.threePublic[k].trim() === "") && y.expenditureByFunction.length === 0;
    const { priorYear: _dropped, ...rest } = p;
    if (empty) return rest;
    return {
      ...rest,
      priorYear: dropEmpty({
        basic: y.basic,
        project: y.project,
        operatingFunds: y.operatingFunds,
        threePublic: { ...y.threePublic },
        ...(y.expenditureByFunction.length > 0
          ? { expenditureByFunction: Object.fromEntries(y.expenditureByFunction.map((r) => [r.code.trim(), r.amount])) }
          : {}),
      }),
    };
  },
  fieldOf: (path) => {
    if (under("priorYear", path) === undefined || path.startsWith("priorYear.expenditureByFunction")) return undefined;
    return pathToField(path);
  },
};

const basic: SectionDef<{ basicExpenditure: NonNullable<Pkg["basicExpenditure"]> }> = {
  ...listSection("basic", "basicExpenditure"),
  check: (v) => {
    // The values may come from any client: only a list of lines is checked here, the schema names the rest.
    const lines = Array.isArray(v?.basicExpenditure) ? (v.basicExpenditure as { amount?: unknown }[]) : [];
    return emptyAmounts(lines.map((l) => ({ amount: typeof l?.amount === "string" ? l.amount : l?.amount === undefined ? "" : "x" }))).map((e) => ({
      path: `basicExpenditure[${e.row}].amount`,
      message: e.message,
    }));
  },
};

// Imported texts carry `<br>` for a line break; the textarea shows it as one (and saves "\n").
const projectList = listSection("projects", "projects");
const projects: typeof projectList = {
  ...projectList,
  pick: (p) => ({
    projects: projectList.pick(p).projects.map((pr) => ({
      ...pr,
      ...(pr.summary !== undefined ? { summary: breaksAsNewlines(pr.summary) } : {}),
      ...(pr.basis !== undefined ? { basis: breaksAsNewlines(pr.basis) } : {}),
      ...(pr.goal !== undefined ? { goal: breaksAsNewlines(pr.goal) } : {}),
    })),
  }),
};

export const SECTIONS = {
  unit,
  income,
  basic,
  projects,
  "three-public": threePublic,
  procurement: listSection("procurement", "procurement"),
  assets,
  performance,
  narrative,
  prior,
} as const satisfies { [S in SectionId]: SectionDef<unknown> };

export type SectionValues<S extends SectionId> = ReturnType<(typeof SECTIONS)[S]["pick"]>;

/** The section a package path (e.g. of a rule finding) belongs to. */
export function sectionOfPath(path: string): SectionId | undefined {
  return partOfPath(path)?.section;
}

/** The package path of a form field, the inverse of `fieldOf` (used as the input's id, so findings can link to it). */
export function pathOfField(section: SectionId, field: string): string {
  const bracketed = field.replace(/\.(\d+)(?=\.|$)/g, "[$1]");
  if (section === "unit") return `unit.${bracketed.replace(/(functions\[\d+\])\.text$/, "$1")}`;
  if (section === "income") return `income.${bracketed}`;
  return bracketed;
}

/** The stored part of the budget each section edits (a save rewrites only that part). */
export const SECTION_PART = Object.fromEntries(BUDGET_PARTS.map((p) => [p.section, p.part])) as {
  [S in SectionId]: Extract<(typeof BUDGET_PARTS)[number], { section: S }>["part"];
};
