import { z } from "zod";
import { FUNDS } from "@/lib/budget/package/schema";
import { VEHICLE_TYPES, type FinalPackage } from "@/lib/final/package/schema";
import { fillActualsFromBudget, incomeFromExpenditure } from "@/lib/final/package/fill";

/**
 * The sections of the 决算 workspace: what each form sends (parsed with zod at the server
 * action's boundary) and how it is written into the package. Amounts arrive as typed text in
 * 元 ("" = not entered); the package schema then checks them and names the field in Chinese.
 */

const typed = z.string().max(40);
const note = z.string().max(4000);
const countText = z.string().max(12);

export const FINAL_SECTION_IDS = ["lines", "income", "carryover", "threePublic", "meetings", "assets", "procurement", "reasons", "selfEvaluation"] as const;
export type FinalSectionId = (typeof FINAL_SECTION_IDS)[number];

const SECTION_OF_FIELD: Record<string, FinalSectionId> = {
  basicExpenditure: "lines",
  projects: "lines",
  income: "income",
  carryover: "carryover",
  threePublic: "threePublic",
  meetings: "meetings",
  training: "meetings",
  assets: "assets",
  procurement: "procurement",
  reasons: "reasons",
  usages: "reasons",
};

/** The section of the 决算 workspace where the field a finding points at is entered (none for computed tables). */
export function finalSectionOfPath(path: string): FinalSectionId | undefined {
  if (/^projects\[\d+\]\.selfEvaluation/.test(path)) return "selfEvaluation";
  return SECTION_OF_FIELD[path.split(/[.[]/)[0]!];
}

const columns = z.strictObject({ adjusted: typed, actual: typed });
const fundAmounts = z.strictObject(Object.fromEntries(FUNDS.map((f) => [f, typed])) as Record<(typeof FUNDS)[number], typeof typed>);
const QUANTITY_KEYS = [
  "abroadGroups",
  "abroadPeople",
  "vehiclesPurchased",
  "vehiclesHeld",
  "domesticBatches",
  "domesticPeople",
  "foreignAffairsBatches",
  "foreignAffairsPeople",
  "overseasBatches",
  "overseasPeople",
] as const;
export const THREE_PUBLIC_ITEMS = ["abroad", "vehiclePurchase", "vehicleOperation", "reception"] as const;
export const REASON_KEYS = ["total", "income", "expenditure", "closing", "personnel", "public", "operatingFunds", "meetings", "training"] as const;

export const finalSectionSchemas = {
  lines: z.strictObject({ basic: z.array(columns).max(5000), projects: z.array(columns).max(2000) }),
  income: z.strictObject({
    lines: z.array(z.strictObject({ function: z.string().regex(/^\d{3,7}$/, "功能分类科目应为数字编码"), fund: z.enum(FUNDS), amount: typed })).max(2000),
  }),
  carryover: z.strictObject({ opening: fundAmounts, closing: fundAmounts }),
  threePublic: z.strictObject({
    items: z.strictObject(Object.fromEntries(THREE_PUBLIC_ITEMS.map((k) => [k, columns])) as Record<(typeof THREE_PUBLIC_ITEMS)[number], typeof columns>),
    quantities: z.strictObject(Object.fromEntries(QUANTITY_KEYS.map((k) => [k, countText])) as Record<(typeof QUANTITY_KEYS)[number], typeof countText>),
  }),
  meetings: z.strictObject({ meetings: typed, training: typed }),
  assets: z.strictObject({
    vehicles: z.strictObject(Object.fromEntries(VEHICLE_TYPES.map((t) => [t, countText])) as Record<(typeof VEHICLE_TYPES)[number], typeof countText>),
    generalEquipmentOver50: countText,
    specialEquipmentOver100: countText,
  }),
  procurement: z.strictObject({ goods: typed, works: typed, services: typed, smallMedium: typed, micro: typed }),
  reasons: z.strictObject({
    ...(Object.fromEntries(REASON_KEYS.map((k) => [k, note])) as Record<(typeof REASON_KEYS)[number], typeof note>),
    generalBudgetExpenditureInitial: note,
    threePublicInitial: note,
  }),
  selfEvaluation: z.strictObject({
    projects: z
      .array(
        z.strictObject({
          outcome: note,
          indicators: z.array(z.strictObject({ actual: z.string().max(200), ratio: z.string().max(12), reason: note })).max(200),
        }),
      )
      .max(2000),
  }),
} satisfies Record<FinalSectionId, z.ZodType>;

export type FinalSectionValues<S extends FinalSectionId> = z.infer<(typeof finalSectionSchemas)[S]>;

export const finalSaveInput = z.strictObject({
  budgetId: z.number().int().positive(),
  expectedVersion: z.number().int().positive(),
  section: z.enum(FINAL_SECTION_IDS),
  values: z.unknown(),
});

export const FINAL_HELPERS = { fillActuals: fillActualsFromBudget, income: incomeFromExpenditure } as const;
export type FinalHelper = keyof typeof FINAL_HELPERS;
export const finalHelperInput = z.strictObject({
  budgetId: z.number().int().positive(),
  expectedVersion: z.number().int().positive(),
  helper: z.enum(["fillActuals", "income"]),
});

/** Typed text → the package's value: thousands separators and blanks dropped, "" = absent. */
const amountOf = (s: string) => {
  const t = s.replace(/[,，\s]/g, "");
  return t === "" ? undefined : t;
};
const countOf = (s: string): number | string | undefined => {
  const t = s.trim();
  if (t === "") return undefined;
  // A count the schema can check and name: a non-integer stays text and is refused there.
  return /^\d+$/.test(t) ? Number(t) : t;
};
const textOf = (s: string) => (s.trim() === "" ? undefined : s.trim());

function setOptional<T extends object>(target: T, key: string, value: unknown) {
  const o = target as Record<string, unknown>;
  if (value === undefined) delete o[key];
  else o[key] = value;
}

export class SectionMismatch extends Error {}

/** Writes a section's values into a copy of the package (the schema checks the result). */
export function applyFinalSection<S extends FinalSectionId>(pkg: FinalPackage, section: S, values: FinalSectionValues<S>): FinalPackage {
  const next = structuredClone(pkg) as FinalPackage;
  switch (section) {
    case "lines": {
      const v = values as FinalSectionValues<"lines">;
      const basic = next.basicExpenditure ?? [];
      const projects = next.projects ?? [];
      if (v.basic.length !== basic.length || v.projects.length !== projects.length) throw new SectionMismatch("决算内容已变化，请刷新页面后重新填写");
      v.basic.forEach((c, i) => {
        setOptional(basic[i]!, "adjusted", amountOf(c.adjusted));
        setOptional(basic[i]!, "actual", amountOf(c.actual));
      });
      v.projects.forEach((c, i) => {
        setOptional(projects[i]!, "adjusted", amountOf(c.adjusted));
        setOptional(projects[i]!, "actual", amountOf(c.actual));
      });
      return next;
    }
    case "income": {
      const v = values as FinalSectionValues<"income">;
      next.income = v.lines.flatMap((l) => {
        const amount = amountOf(l.amount);
        return amount === undefined ? [] : [{ function: l.function, fund: l.fund, amount }];
      });
      return next;
    }
    case "carryover": {
      const v = values as FinalSectionValues<"carryover">;
      const side = (r: Record<string, string>) => {
        const out: Record<string, string> = {};
        for (const f of FUNDS) {
          const a = amountOf(r[f] ?? "");
          if (a !== undefined) out[f] = a;
        }
        return out;
      };
      next.carryover = { opening: side(v.opening), closing: side(v.closing) };
      return next;
    }
    case "threePublic": {
      const v = values as FinalSectionValues<"threePublic">;
      const tp = (next.threePublic ??= {});
      for (const k of THREE_PUBLIC_ITEMS) {
        const item = (tp[k] ??= {});
        setOptional(item, "adjusted", amountOf(v.items[k].adjusted));
        setOptional(item, "actual", amountOf(v.items[k].actual));
      }
      const q: Record<string, unknown> = {};
      for (const k of QUANTITY_KEYS) setOptional(q, k, countOf(v.quantities[k]));
      tp.quantities = q as NonNullable<typeof tp.quantities>;
      return next;
    }
    case "meetings": {
      const v = values as FinalSectionValues<"meetings">;
      setOptional(next, "meetings", amountOf(v.meetings));
      setOptional(next, "training", amountOf(v.training));
      return next;
    }
    case "assets": {
      const v = values as FinalSectionValues<"assets">;
      const vehicles: Record<string, unknown> = {};
      for (const t of VEHICLE_TYPES) setOptional(vehicles, t, countOf(v.vehicles[t]));
      const assets: Record<string, unknown> = { ...(next.assets?.asOf ? { asOf: next.assets.asOf } : {}), vehicles };
      setOptional(assets, "generalEquipmentOver50", countOf(v.generalEquipmentOver50));
      setOptional(assets, "specialEquipmentOver100", countOf(v.specialEquipmentOver100));
      next.assets = assets as NonNullable<FinalPackage["assets"]>;
      return next;
    }
    case "procurement": {
      const v = values as FinalSectionValues<"procurement">;
      const p: Record<string, unknown> = {};
      for (const k of ["goods", "works", "services", "smallMedium", "micro"] as const) setOptional(p, k, amountOf(v[k]));
      next.procurement = p as NonNullable<FinalPackage["procurement"]>;
      return next;
    }
    case "reasons": {
      const v = values as FinalSectionValues<"reasons">;
      const r = (next.reasons ??= {});
      for (const k of REASON_KEYS) setOptional(r, k, textOf(v[k]));
      const gbe = { ...(r.generalBudgetExpenditure ?? {}) };
      setOptional(gbe, "initial", textOf(v.generalBudgetExpenditureInitial));
      r.generalBudgetExpenditure = gbe;
      const tpr = { ...(r.threePublic ?? {}) };
      const total = { ...(tpr.total ?? {}) };
      setOptional(total, "initial", textOf(v.threePublicInitial));
      tpr.total = total;
      r.threePublic = tpr;
      return next;
    }
    case "selfEvaluation": {
      const v = values as FinalSectionValues<"selfEvaluation">;
      const evaluated = (next.projects ?? []).filter((p) => p.selfEvaluation);
      if (v.projects.length !== evaluated.length) throw new SectionMismatch("决算内容已变化，请刷新页面后重新填写");
      v.projects.forEach((pv, i) => {
        const se = evaluated[i]!.selfEvaluation!;
        setOptional(se, "outcome", textOf(pv.outcome));
        const indicators = se.indicators ?? [];
        if (pv.indicators.length !== indicators.length) throw new SectionMismatch("决算内容已变化，请刷新页面后重新填写");
        pv.indicators.forEach((iv, k) => {
          const ind = indicators[k]!;
          ind.actual = iv.actual.trim();
          setOptional(ind, "ratio", textOf(iv.ratio)?.replace(/%$/, ""));
          setOptional(ind, "reason", textOf(iv.reason));
        });
      });
      return next;
    }
  }
  return next;
}
