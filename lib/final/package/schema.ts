import { z } from "zod";
import { FUNDS, PACKAGE_FORMAT, fields, issuesToErrors, readPackageText, type PackageError } from "@/lib/budget/package/schema";
import { describeFinalField } from "./labels";

/**
 * The schema of a 部门决算 package: budget-package/1 with `kind: "final"`
 * (docs/spec/final-package.md). Strict at every level, like the budget schema, and built from the
 * same field types, so an amount or an indicator is refused with the same Chinese message in
 * both kinds.
 */

const { amount, text, requiredText, digits, numberString, count, fund, indicator } = fields;

/** 年初预算数 / 全年预算数 (调整预算数; default: 年初) / 决算数 of one line. */
const columns = {
  initial: amount.optional(),
  adjusted: amount.optional(),
  actual: amount.optional(),
};
const threeColumns = z.strictObject(columns);

const byFund = z.strictObject(Object.fromEntries(FUNDS.map((f) => [f, amount.optional()])) as Record<(typeof FUNDS)[number], z.ZodOptional<typeof amount>>);

/** A completion ratio written as a percentage, "100" or "87.5" (more than 100 is allowed: over-achievement). */
const percent = z.string().regex(/^\d{1,4}(\.\d{1,2})?$/, { message: '应为百分数（不带 %），如 "100" 或 "87.5"' });

export const VEHICLE_TYPES = ["ministerial", "leaders", "confidential", "emergency", "lawEnforcement", "special", "retiree", "other"] as const;
export type VehicleType = (typeof VEHICLE_TYPES)[number];

const selfIndicator = indicator.extend({
  /** 全年完成值, as printed ("100", "有效提高", "2020年11月底"). */
  actual: text,
  /** 完成比例 (%); computed for numeric indicators, entered for the others. */
  ratio: percent.optional(),
  /** 指标得分; default: weight × min(完成比例, 100%). */
  score: numberString.optional(),
  /** 未完成绩效目标或目标偏离较多的原因说明. */
  reason: text.optional(),
});

const selfEvaluation = z.strictObject({
  department: text.optional(),
  implementer: text.optional(),
  contact: text.optional(),
  /** 全年预算数 (A) split into 上级资金 / 本级（区级）资金; their sum is the project's 全年预算数. */
  budget: z.strictObject({ superior: amount.optional(), local: amount.optional() }),
  /** 全年执行数 (B), same split; their sum must equal the project's 决算数. */
  actual: z.strictObject({ superior: amount.optional(), local: amount.optional() }),
  goal: text.optional(),
  outcome: text.optional(),
  indicators: z.array(selfIndicator).optional(),
});

const versus = z.strictObject({ prior: text.optional(), initial: text.optional() });

const threePublicItem = threeColumns;

export const finalPackageSchema = z.strictObject({
  format: z.literal(PACKAGE_FORMAT),
  kind: z.literal("final"),
  year: z.number().int({ message: "应为整数" }).min(2000, { message: "年度不在有效范围（2000–2100）" }).max(2100, { message: "年度不在有效范围（2000–2100）" }),
  amountUnit: z.enum(["万元", "元"]),
  region: z.strictObject({ code: z.string().regex(/^\d{6}$/, { message: "应为 6 位数字的行政区划代码" }), name: requiredText }),
  unit: z.strictObject({
    code: digits,
    name: requiredText,
    functions: z.array(text).optional(),
    structure: text.optional(),
    composition: text.optional(),
    subUnits: z.array(z.strictObject({ code: digits, name: requiredText })).optional(),
    contact: z.strictObject({ name: text.optional(), phone: text.optional() }).optional(),
  }),
  income: z.array(z.strictObject({ function: digits, fund: fund.optional(), amount: amount.optional() })).optional(),
  carryover: z.strictObject({ opening: byFund.optional(), closing: byFund.optional() }).optional(),
  basicExpenditure: z.array(z.strictObject({ function: digits, economic: digits, fund: fund.optional(), ...columns })).optional(),
  projects: z
    .array(
      z.strictObject({
        code: requiredText,
        name: requiredText,
        subUnit: digits.optional(),
        function: digits,
        economic: digits.optional(),
        fund: fund.optional(),
        ...columns,
        selfEvaluation: selfEvaluation.optional(),
      }),
    )
    .optional(),
  threePublic: z
    .strictObject({
      abroad: threePublicItem.optional(),
      vehiclePurchase: threePublicItem.optional(),
      vehicleOperation: threePublicItem.optional(),
      reception: threePublicItem.optional(),
      quantities: z
        .strictObject({
          abroadGroups: count.optional(),
          abroadPeople: count.optional(),
          vehiclesPurchased: count.optional(),
          vehiclesHeld: count.optional(),
          domesticBatches: count.optional(),
          domesticPeople: count.optional(),
          foreignAffairsBatches: count.optional(),
          foreignAffairsPeople: count.optional(),
          overseasBatches: count.optional(),
          overseasPeople: count.optional(),
        })
        .optional(),
    })
    .optional(),
  meetings: amount.optional(),
  training: amount.optional(),
  assets: z
    .strictObject({
      asOf: z
        .string()
        .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: "应为“年-月-日”，如 2020-12-31" })
        .optional(),
      vehicles: z
        .strictObject(Object.fromEntries(VEHICLE_TYPES.map((t) => [t, count.optional()])) as Record<VehicleType, z.ZodOptional<typeof count>>)
        .optional(),
      generalEquipmentOver50: count.optional(),
      specialEquipmentOver100: count.optional(),
    })
    .optional(),
  procurement: z
    .strictObject({
      goods: amount.optional(),
      works: amount.optional(),
      services: amount.optional(),
      smallMedium: amount.optional(),
      micro: amount.optional(),
    })
    .optional(),
  performance: z
    .strictObject({
      evaluatedProjects: count.optional(),
      evaluatedFunds: amount.optional(),
      keyEvaluation: text.optional(),
      summary: text.optional(),
    })
    .optional(),
  reasons: z
    .strictObject({
      total: text.optional(),
      income: text.optional(),
      expenditure: text.optional(),
      closing: text.optional(),
      fiscal: text.optional(),
      generalBudgetIncome: versus.optional(),
      generalBudgetExpenditure: versus.optional(),
      generalBudgetClosing: text.optional(),
      byClass: z.record(digits, text).optional(),
      personnel: text.optional(),
      public: text.optional(),
      governmentFundIncome: text.optional(),
      governmentFundExpenditure: text.optional(),
      threePublic: z
        .strictObject({
          total: versus.optional(),
          abroad: versus.optional(),
          vehiclePurchase: versus.optional(),
          vehicleOperation: versus.optional(),
          reception: versus.optional(),
        })
        .optional(),
      operatingFunds: text.optional(),
      meetings: text.optional(),
      training: text.optional(),
    })
    .optional(),
  usages: z
    .strictObject({
      personnel: text.optional(),
      public: text.optional(),
      abroad: text.optional(),
      vehiclePurchase: text.optional(),
      vehicleOperation: text.optional(),
      reception: text.optional(),
      operatingFunds: text.optional(),
      procurement: text.optional(),
    })
    .optional(),
  priorYear: z
    .strictObject({
      income: byFund.optional(),
      expenditure: byFund.optional(),
      opening: byFund.optional(),
      closing: byFund.optional(),
      personnel: amount.optional(),
      public: amount.optional(),
      operatingFunds: amount.optional(),
      meetings: amount.optional(),
      training: amount.optional(),
      threePublic: fields.threePublic.optional(),
    })
    .optional(),
});

export type FinalPackage = z.infer<typeof finalPackageSchema>;
export type FinalPackageIndicator = z.infer<typeof selfIndicator>;

export type ParseFinalResult = { ok: true; pkg: FinalPackage } | { ok: false; errors: PackageError[] };

/** Validates an already-parsed JSON value as a 决算 package. */
export function parseFinalPackageValue(value: unknown): ParseFinalResult {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ok: false, errors: [{ path: "", message: `决算包应为 JSON 对象，实际为${fields.typeOfInput(value)}` }] };
  }
  const format = (value as Record<string, unknown>).format;
  if (format !== PACKAGE_FORMAT) {
    const got = format === undefined ? "缺少 format 字段" : `实际为 ${JSON.stringify(format)}`;
    return { ok: false, errors: [{ path: "format", message: `格式标记（format）：不是预算包，应为 "${PACKAGE_FORMAT}"，${got}` }] };
  }
  const result = finalPackageSchema.safeParse(value, { reportInput: true });
  if (result.success) return { ok: true, pkg: result.data };
  return { ok: false, errors: issuesToErrors(result.error.issues, describeFinalField) };
}

/** Parses the text of a 决算 package file; never throws. */
export function parseFinalPackageJson(text: string): ParseFinalResult {
  const read = readPackageText(text);
  return read.ok ? parseFinalPackageValue(read.value) : read;
}

/** `"final"` when the JSON value claims to be a 决算 package, else `"budget"` (which the budget schema then checks). */
export function packageKindOf(value: unknown): "budget" | "final" {
  return typeof value === "object" && value !== null && (value as Record<string, unknown>).kind === "final" ? "final" : "budget";
}
