import { z } from "zod";
import { AMOUNT_PATTERN } from "@/lib/budget/money";
import { nameProblem, NAME_PROBLEM_MESSAGES, normalizeName } from "@/lib/validation/fields";
import { UNIT_CODE_MAX_DIGITS } from "./codes";
import { describeField, formatPath, type PathSegment } from "./labels";
import { FUNDS, OPERATORS, PACKAGE_FORMAT, PROCUREMENT_CATEGORIES, PROJECT_TIERS, TABLE_IDS } from "./constants";

/**
 * The one schema of budget-package/1 (docs/spec/budget-package.md). Strict at every level:
 * an unknown key is more often a typo ("generalBudjet") than an extension, and a typo that
 * silently becomes "missing = 0" would publish a wrong budget.
 *
 * Messages are produced in one place (`messageOf`) from the issue code and the field's label,
 * so the schema below stays readable and every message names the field in Chinese.
 */

// The vocabularies live in a leaf module (./constants); the schema is where most code meets them.
export { CARRYOVER_FUNDS, FUNDS, OPERATORS, PACKAGE_FORMAT, PROCUREMENT_CATEGORIES, PROJECT_TIERS, TABLE_IDS } from "./constants";
export type { CarryoverFund, Fund, Operator, ProcurementCategory, ProjectTier, TableId } from "./constants";

// 12 integer digits: up to 万亿 in 元, and a 万元 amount times 10,000 still fits the database's
// Decimal(18,2) (16 integer digits); a longer one would fail inside the import transaction.
const MAX_INTEGER_DIGITS = 12;

const amount = z.string().superRefine((s, ctx) => {
  const negative = /^-\s*\d/.test(s);
  if (negative) {
    ctx.addIssue({ code: "custom", message: "金额不能为负数" });
    return;
  }
  if (/^\d+\.\d{3,}$/.test(s)) {
    ctx.addIssue({ code: "custom", message: "金额最多两位小数" });
    return;
  }
  if (!AMOUNT_PATTERN.test(s)) {
    ctx.addIssue({ code: "custom", message: `金额格式不正确：${JSON.stringify(s.slice(0, 40))}，应为非负数字字符串，如 "12.50"` });
    return;
  }
  if ((s.split(".")[0] ?? "").length > MAX_INTEGER_DIGITS) {
    ctx.addIssue({ code: "custom", message: `金额过大（整数部分最多 ${MAX_INTEGER_DIGITS} 位）` });
  }
});

/**
 * Text PostgreSQL can store exactly: no NUL (a text column refuses it) and no lone UTF-16
 * surrogate (it would be stored as U+FFFD, silently changing what the accountant sent).
 */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const storable = (s: string) => !UNSTORABLE.test(s);
const UNSTORABLE_MESSAGE = "含有无法保存的字符（如 \\u0000 或不成对的代理字符）";

// Long enough for any real entry, short enough that a code fits a unique index and a hostile
// multi-megabyte field is refused with a message instead of stored.
const CODE_MAX = UNIT_CODE_MAX_DIGITS;
const NAME_MAX = 500;
const TEXT_MAX = 20_000;
const tooLong = (max: number) => ({ message: `内容过长（最多 ${max} 个字符）` });

// Every list has a bound too: a 职能 list of 35,000 entries is not a department's, and each entry
// becomes a row, a line of the narrative or a cell of a published table.
export const LIST_LIMITS = {
  functions: 100,
  subUnits: 500,
  basicExpenditure: 5_000,
  projects: 2_000,
  indicators: 200,
  procurement: 1_000,
  expenditureByFunction: 2_000,
} as const;
const tooMany = (max: number) => ({ message: `条目过多（最多 ${max} 项）` });
const list = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max, tooMany(max));

const digits = z.string().max(CODE_MAX, tooLong(CODE_MAX)).regex(/^\d+$/, { message: "应为数字编码" });
const text = z.string().max(TEXT_MAX, tooLong(TEXT_MAX)).refine(storable, { message: UNSTORABLE_MESSAGE });
/**
 * Names and other required one-line text: stored NFC and trimmed; no control or bidi-override
 * character and not invisible-only (a name that reads as empty, or reads backwards, is published
 * as is otherwise).
 */
const requiredText = z
  .string()
  .max(NAME_MAX * 2, tooLong(NAME_MAX))
  .transform(normalizeName)
  .superRefine((s, ctx) => {
    const problem = nameProblem(s);
    if (!storable(s)) ctx.addIssue({ code: "custom", message: UNSTORABLE_MESSAGE });
    else if (problem) ctx.addIssue({ code: "custom", message: NAME_PROBLEM_MESSAGES[problem] });
    else if (s.length > NAME_MAX) ctx.addIssue({ code: "custom", ...tooLong(NAME_MAX) });
  });
/** Weights (percent): a number from 0 to 100 written as a string ("30", "12.5"), as the database holds it. */
const numberString = z
  .string()
  .regex(/^\d{1,3}(\.\d{1,2})?$/, { message: "应为 0 至 100 之间、最多两位小数的数字字符串" })
  .refine((s) => Number(s) <= 100, { message: "应为 0 至 100 之间、最多两位小数的数字字符串" });
const MAX_COUNT = 99_999;
const count = z
  .number()
  .int({ message: "应为整数" })
  .min(0, { message: "不能为负数" })
  .max(MAX_COUNT, { message: `数量过大（最多 ${MAX_COUNT}）` });
const fund = z.enum(FUNDS);

// Many published 绩效目标表 have no 一级/二级指标 columns (a flat list of 三级指标): the levels
// are optional and their absence is a warning (rule indicators.levels-missing), never a refusal.
const indicator = z.strictObject({
  level1: text.optional(),
  level2: text.optional(),
  name: requiredText,
  unit: text.optional(),
  operator: z.enum(OPERATORS),
  value: text,
  weight: numberString.optional(),
  core: z.boolean().optional(),
});

const threePublic = z.strictObject({
  abroad: amount.optional(),
  vehiclePurchase: amount.optional(),
  vehicleOperation: amount.optional(),
  reception: amount.optional(),
});

const vehicleCounts = z.strictObject({
  general: count.optional(),
  lawEnforcement: count.optional(),
  other: count.optional(),
});

export const budgetPackageSchema = z.strictObject({
  format: z.literal(PACKAGE_FORMAT),
  kind: z.enum(["budget", "final"]),
  // The database's own limits (Budget_year_range, Region_code_digits), so a package that passes
  // here is never refused by a constraint half way through the import.
  year: z.number().int({ message: "应为整数" }).min(2000, { message: "年度不在有效范围（2000–2100）" }).max(2100, { message: "年度不在有效范围（2000–2100）" }),
  amountUnit: z.enum(["万元", "元"]),
  region: z.strictObject({ code: z.string().regex(/^\d{6}$/, { message: "应为 6 位数字的行政区划代码" }), name: requiredText }),
  unit: z.strictObject({
    code: digits,
    name: requiredText,
    functions: list(text, LIST_LIMITS.functions).optional(),
    structure: text.optional(),
    subUnits: list(z.strictObject({ code: digits, name: requiredText }), LIST_LIMITS.subUnits).optional(),
    performanceOffice: text.optional(),
    contact: z.strictObject({ name: text.optional(), phone: text.optional() }).optional(),
  }),
  income: z
    .strictObject({
      generalBudget: amount.optional(),
      governmentFund: amount.optional(),
      stateCapital: amount.optional(),
      specialAccount: amount.optional(),
      operations: amount.optional(),
      superiorSubsidy: amount.optional(),
      subordinateRemit: amount.optional(),
      business: amount.optional(),
      other: amount.optional(),
      carryover: z
        .strictObject({
          generalBudget: amount.optional(),
          governmentFund: amount.optional(),
          stateCapital: amount.optional(),
        })
        .optional(),
    })
    .optional(),
  basicExpenditure: list(
    z.strictObject({ function: digits, economic: digits, amount: amount.optional(), fund: fund.optional(), subUnit: digits.optional() }),
    LIST_LIMITS.basicExpenditure,
  ).optional(),
  projects: z
    .array(
      z.strictObject({
        code: requiredText,
        name: requiredText,
        subUnit: digits,
        function: digits,
        economic: digits.optional(),
        fund: fund.optional(),
        amount: amount.optional(),
        ownArrangement: amount.optional(),
        superiorSubsidy: amount.optional(),
        category: text.optional(),
        owner: text.optional(),
        summary: text.optional(),
        basis: text.optional(),
        goal: text.optional(),
        executionRateWeight: numberString.optional(),
        disclose: z.boolean().optional(),
        tier: z.enum(PROJECT_TIERS).optional(),
        program: z.string().max(NAME_MAX, tooLong(NAME_MAX)).optional(),
        indicators: list(indicator, LIST_LIMITS.indicators).optional(),
      }),
    )
    .max(LIST_LIMITS.projects, tooMany(LIST_LIMITS.projects))
    .optional(),
  threePublic: threePublic.optional(),
  procurement: list(
    z.strictObject({ category: z.enum(PROCUREMENT_CATEGORIES), fund: fund.optional(), amount: amount.optional() }),
    LIST_LIMITS.procurement,
  ).optional(),
  assets: z
    .strictObject({
      asOf: z
        .string()
        .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: "应为“年-月”，如 2023-12" })
        .optional(),
      vehicles: vehicleCounts.optional(),
      plannedPurchase: vehicleCounts.optional(),
    })
    .optional(),
  performance: z.strictObject({ goal: text.optional(), indicators: list(indicator, LIST_LIMITS.indicators).optional() }).optional(),
  narrative: z
    .strictObject({
      incomeChange: text.optional(),
      expenditureChange: text.optional(),
      basicChange: text.optional(),
      basicUsage: text.optional(),
      projectChange: text.optional(),
      projectUsage: text.optional(),
      threePublic: z
        .strictObject({
          abroad: text.optional(),
          vehiclePurchase: text.optional(),
          vehicleOperation: text.optional(),
          reception: text.optional(),
        })
        .optional(),
      operatingFundsChange: text.optional(),
      operatingFundsUsage: text.optional(),
      glossary: text.optional(),
    })
    .optional(),
  disclosure: z
    .strictObject({
      tables: z
        .array(z.enum(TABLE_IDS))
        .min(1, { message: "至少公开一张表" })
        .refine((ids) => new Set(ids).size === ids.length, { message: "表的编号不能重复" })
        .optional(),
    })
    .optional(),
  priorYear: z
    .strictObject({
      expenditureByFunction: z
        .record(digits, amount)
        .refine((r) => Object.keys(r).length <= LIST_LIMITS.expenditureByFunction, tooMany(LIST_LIMITS.expenditureByFunction))
        .optional(),
      basic: amount.optional(),
      project: amount.optional(),
      threePublic: threePublic.optional(),
      operatingFunds: amount.optional(),
    })
    .optional(),
});

export type BudgetPackage = z.infer<typeof budgetPackageSchema>;

/**
 * The field types every package kind shares (the 决算 schema in lib/final/package builds on
 * them), so an amount, a code or an indicator is validated and worded the same way everywhere.
 */
export const fields = { amount, text, requiredText, digits, numberString, count, fund, indicator, threePublic, typeOfInput };
export type PackageIndicator = z.infer<typeof indicator>;

export interface PackageError {
  path: string;
  message: string;
}

export type ParsePackageResult = { ok: true; pkg: BudgetPackage } | { ok: false; errors: PackageError[] };

const TYPE_NAMES: Record<string, string> = {
  string: "字符串",
  number: "数字",
  boolean: "布尔值（true/false）",
  object: "对象",
  array: "数组",
  int: "整数",
};

function typeOfInput(input: unknown): string {
  if (input === null) return "null";
  if (Array.isArray(input)) return "数组";
  if (typeof input === "number") return Number.isFinite(input) ? "数字" : "非有限数字";
  return TYPE_NAMES[typeof input] ?? typeof input;
}

function messageOf(issue: z.core.$ZodIssue): string {
  if (issue.input === undefined && (issue.code === "invalid_type" || issue.code === "invalid_value")) return "缺少必填字段";
  switch (issue.code) {
    case "invalid_type": {
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      if (issue.expected === "string" && typeof issue.input === "number") {
        return `应为字符串（如 "12.50"），不能写成数字`;
      }
      return `应为${expected}，实际为${typeOfInput(issue.input)}`;
    }
    case "unrecognized_keys":
      return `不认识的字段：${issue.keys.join("、")}`;
    case "invalid_value":
      return `取值无效，只能是 ${issue.values.map((v) => JSON.stringify(v)).join("、")}`;
    case "invalid_format":
      return issue.message && !/^Invalid/.test(issue.message) ? issue.message : "格式不正确";
    default:
      // custom / too_small / too_big carry the Chinese message given in the schema.
      return issue.message && /[\u4e00-\u9fff]/.test(issue.message) ? issue.message : "取值无效";
  }
}

function issueToError(issue: z.core.$ZodIssue, describe: (path: readonly PathSegment[]) => string = describeField): PackageError[] {
  const path = issue.path as PathSegment[];
  if (issue.code === "unrecognized_keys") {
    // One error per key, each with its own path, so a form can mark the exact field.
    return issue.keys.map((key) => ({
      path: formatPath([...path, key]),
      message: `${describe([...path, key])}：不认识的字段（${describe(path)}中没有此项）`,
    }));
  }
  return [{ path: formatPath(path), message: `${describe(path)}：${messageOf(issue)}` }];
}

/** Zod issues as Chinese errors naming each field, with the labels of the package kind at hand. */
export function issuesToErrors(issues: readonly z.core.$ZodIssue[], describe: (path: readonly PathSegment[]) => string): PackageError[] {
  return issues.flatMap((issue) => issueToError(issue, describe));
}

/** Validates an already-parsed JSON value. */
export function parsePackageValue(value: unknown): ParsePackageResult {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ok: false, errors: [{ path: "", message: `预算包应为 JSON 对象，实际为${typeOfInput(value)}` }] };
  }
  const format = (value as Record<string, unknown>).format;
  if (format !== PACKAGE_FORMAT) {
    const got = format === undefined ? "缺少 format 字段" : `实际为 ${JSON.stringify(format)}`;
    return {
      ok: false,
      errors: [{ path: "format", message: `格式标记（format）：不是预算包，应为 "${PACKAGE_FORMAT}"，${got}` }],
    };
  }
  if ((value as Record<string, unknown>).kind === "final") {
    // A 决算 package has its own shape (docs/spec/final-package.md); read as a budget it would
    // fail on every 决算 field, or worse, pass and be published as a budget.
    return { ok: false, errors: [{ path: "kind", message: '类型（kind）：这是部门决算包（"final"），不是部门预算包，请按决算处理' }] };
  }
  const result = budgetPackageSchema.safeParse(value, { reportInput: true });
  if (result.success) return { ok: true, pkg: result.data };
  return { ok: false, errors: result.error.issues.flatMap((issue) => issueToError(issue)) };
}

/** The engine's English SyntaxError reduced to a Chinese line/column the accountant can find. */
function jsonErrorMessage(text: string, error: unknown): string {
  const detail = error instanceof Error ? error.message : "";
  const position = detail.match(/position (\d+)/);
  if (position) {
    const before = text.slice(0, Number(position[1]));
    const line = before.split("\n").length;
    const column = before.length - before.lastIndexOf("\n");
    return `不是有效的 JSON：第 ${line} 行第 ${column} 列附近有语法错误`;
  }
  if (/end of JSON|Unterminated/i.test(detail)) return "不是有效的 JSON：内容不完整（文件被截断？）";
  return "不是有效的 JSON：存在语法错误";
}

/** Parses the text of a package file; never throws. */
export function parsePackageJson(text: string): ParsePackageResult {
  const read = readPackageText(text);
  return read.ok ? parsePackageValue(read.value) : read;
}

/** The JSON value of a package file (any kind): encoding, BOM and syntax checked; never throws. */
export function readPackageText(text: string): { ok: true; value: unknown } | { ok: false; errors: PackageError[] } {
  // Callers pass what a client sent; a server action's argument is not guaranteed to be a string.
  if (typeof text !== "string") return { ok: false, errors: [{ path: "", message: "预算包应为 JSON 文本" }] };
  // A file read as UTF-8 turns every invalid byte into U+FFFD; storing that would change names
  // silently, so the file is refused instead.
  if (text.includes("\ufffd")) {
    return { ok: false, errors: [{ path: "", message: "文件不是有效的 UTF-8 编码（含有无法识别的字节），请以 UTF-8 重新保存后导入" }] };
  }
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (withoutBom.trim() === "") {
    return { ok: false, errors: [{ path: "", message: "文件为空，不是预算包" }] };
  }
  let value: unknown;
  try {
    value = JSON.parse(withoutBom);
  } catch (e) {
    return { ok: false, errors: [{ path: "", message: jsonErrorMessage(withoutBom, e) }] };
  }
  return { ok: true, value };
}
